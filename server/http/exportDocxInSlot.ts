import * as Y from 'yjs'
import type { ExportPolicy } from '@qalam/shared/export'
import type { OriginalFile } from '../storage/index.ts'
import { ownBuffer } from '../workers/index.ts'
import type { ImportSlot } from './importQueue.ts'

/**
 * `doc` written into its original DOCX in a worker slot (a long document takes seconds of CPU):
 * the document goes over as one update, the original as a copy the worker may keep.
 */
export function exportDocxInSlot(
  slot: ImportSlot,
  doc: Y.Doc,
  original: OriginalFile,
  policy: ExportPolicy,
) {
  const { bytes: update, buffer } = ownBuffer(Y.encodeStateAsUpdate(doc))
  const input = { update, original: { ...original, bytes: original.bytes.slice() }, policy }
  return slot.run('exportDocx', input, { transfer: [buffer] })
}
