import * as Y from 'yjs'
import type { Logger } from '../logging/index.ts'
import { replayDocument, type DocumentStore, type LoadedDocument } from '../storage/index.ts'

/** What a compaction reads from the room it folds. */
export interface CompactedRoom {
  readonly documentId: string
  readonly doc: Y.Doc
  /** The sequence number up to which the room's doc holds everything the log holds. */
  appliedSeq(): number
  /** The whole document as one update, just encoded: a fresh client's SyncStep2 for free. */
  encodedWhole(snapshot: Uint8Array): void
}

export interface CompactionOptions {
  store: DocumentStore
  log: Logger
  /** Fold the log into a snapshot after this many appended updates. */
  everyUpdates: number
  /** Replays a stored document into one update off the event loop; in this thread when absent. */
  encodeSnapshot?: (stored: LoadedDocument) => Promise<Uint8Array>
  /** Told once, at the start, when this document's compactions will go to `encodeSnapshot`. */
  prepareEncoding?: () => void
  /** A document up to this size (encoded) is folded from the room's own doc, at once. */
  inlineBytes: number
}

/**
 * Below this, encoding the room's doc takes a few milliseconds (91 kB in 2 ms, 930 kB in 15):
 * less than handing the stored log to the worker, and far less than starting one (the
 * compaction worker ends after a minute idle; its start cost ~1.6 s of CPU under tsx, landing
 * in the middle of everyone's typing on a two-core machine).
 */
export const INLINE_COMPACTION_BYTES = 256 * 1024

/**
 * Folds a room's log into a new snapshot every `everyUpdates` updates, beside its queue.
 *
 * A small document is encoded from the room's doc at once, between two updates of the queue:
 * the doc then holds exactly the log up to `appliedSeq`, so that is what the snapshot
 * replaces. A large one (13–37 ms for 1.4 MB) is read from the store as stored and replayed
 * in the worker while the queue goes on; updates stored meanwhile have higher sequence
 * numbers and stay in the log. Either way the store write takes the document's lock only for
 * the insert and the delete.
 */
export class RoomCompaction {
  /** Updates appended since the snapshot. */
  private updates: number
  /** The document's encoded size as stored: its snapshot and the log since, roughly. */
  private bytes: number
  private running: Promise<void> | null = null

  constructor(
    private readonly room: CompactedRoom,
    private readonly options: CompactionOptions,
    stored: LoadedDocument,
  ) {
    this.updates = stored.updates.length
    this.bytes = stored.updates.reduce((sum, update) => sum + update.length, stored.snapshot.length)
    // The worker's start (a new V8 isolate) costs more than many updates: taken now, when the
    // document opens, rather than in the middle of everyone's typing at the first compaction.
    if (this.bytes > options.inlineBytes) options.prepareEncoding?.()
  }

  /** This room appended `count` updates of `bytes` in all to the log. */
  appended(count: number, bytes: number): void {
    this.updates += count
    this.bytes += bytes
    if (this.updates >= this.options.everyUpdates) this.start()
  }

  /**
   * Another process appended `bytes` to the log: the document grew, but that process counts
   * its updates toward its own compactions. Never starts one: this is called while the room
   * applies a tail, possibly inside the store's transaction.
   */
  grew(bytes: number): void {
    this.bytes += bytes
  }

  /** Waits for a compaction under way, then folds whatever is left from the room's doc. */
  async finish(): Promise<void> {
    await this.running
    if (this.updates === 0) return
    const folded = await this.foldRoom()
    this.updates = Math.max(0, this.updates - folded)
  }

  private start(): void {
    if (this.running) return
    let succeeded = false
    const fold = this.bytes <= this.options.inlineBytes ? this.foldRoom() : this.foldStored()
    this.running = fold
      .then((folded) => {
        this.updates = Math.max(0, this.updates - folded)
        succeeded = true
      })
      .catch((error: unknown) => {
        // The log is still whole; the next update past the threshold (or the unload) tries again.
        this.options.log.error('sync.compaction_failed', {
          documentId: this.room.documentId,
          error,
        })
      })
      .finally(() => {
        this.running = null
        // Updates that came while it ran may be past the threshold already.
        if (succeeded && this.updates >= this.options.everyUpdates) this.start()
      })
  }

  /** Encodes the room's doc now (before any await); returns how many updates it folded. */
  private async foldRoom(): Promise<number> {
    const snapshot = Y.encodeStateAsUpdate(this.room.doc)
    const upToSeq = this.room.appliedSeq()
    const folded = this.updates
    const bytesBefore = this.bytes
    this.room.encodedWhole(snapshot)
    await this.options.store.compact(this.room.documentId, snapshot, upToSeq)
    this.bytes = snapshot.length + (this.bytes - bytesBefore)
    return folded
  }

  /** Replays the log as stored (in the worker); returns how many logged updates it folded. */
  private async foldStored(): Promise<number> {
    const stored = await this.options.store.loadDocument(this.room.documentId)
    if (!stored || stored.updates.length === 0) return 0
    const encode =
      this.options.encodeSnapshot ??
      (async (loaded: LoadedDocument) => Y.encodeStateAsUpdate(replayDocument(loaded)))
    const bytesRead = stored.updates.reduce((sum, u) => sum + u.length, stored.snapshot.length)
    const snapshot = await encode(stored)
    await this.options.store.compact(this.room.documentId, snapshot, stored.lastSeq)
    this.bytes = Math.max(snapshot.length, snapshot.length + this.bytes - bytesRead)
    return stored.updates.length
  }
}
