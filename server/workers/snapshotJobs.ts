// A compaction's work, in a pool of its own: a worker that loads Yjs and the store's replay
// alone boots in a fraction of the time and memory of one that loads every import format,
// and a burst of imports never makes a compaction wait for a slot.
import * as Y from 'yjs'
import { replayDocument, type LoadedDocument } from '../storage/index.ts'
import { ownBuffer, type JobOutput } from './jobProtocol.ts'

/**
 * The stored snapshot and log replayed into one update, here rather than on the event loop
 * (13–37 ms for a 1.4 MB document), its buffer moved back.
 */
function encodeSnapshot(stored: LoadedDocument): JobOutput<Uint8Array> {
  const { bytes, buffer } = ownBuffer(Y.encodeStateAsUpdate(replayDocument(stored)))
  return { result: bytes, transfer: [buffer] }
}

export const jobs = { encodeSnapshot }

export type SnapshotJobs = typeof jobs
