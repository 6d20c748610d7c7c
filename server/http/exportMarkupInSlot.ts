import type * as Y from 'yjs'
import type { ExportPolicy } from '@qalam/shared/export'
import { readMarkupExportView } from '../formats/index.ts'
import type { LoadedDocument, OriginalFile } from '../storage/index.ts'
import type { ImportSlot } from './importQueue.ts'

/** Where an export finds the document: the room's live Y.Doc, or the store's rows. */
export type ExportSource = { live: Y.Doc } | { stored: LoadedDocument }

/**
 * An HTML or Markdown export written in a worker slot. A live document is read here for what
 * the file writes only (the worker never holds a second Y.Doc of it: 30,000 segments in
 * Lexical's layout weigh about 850 MB), sent as UTF-8 JSON, which crosses threads in a
 * fraction of the time 30,000 cloned objects take; a stored one is replayed in the worker.
 */
export function exportMarkupInSlot(
  slot: ImportSlot,
  source: ExportSource,
  original: OriginalFile,
  policy: ExportPolicy,
) {
  // A copy with a buffer of its own (a Buffer's `slice` would share the store's), moved over.
  const copy = { ...original, bytes: new Uint8Array(original.bytes) }
  const moved = [copy.bytes.buffer]
  if ('stored' in source) {
    const input = { document: { stored: source.stored }, original: copy, policy }
    return slot.run('exportMarkup', input, { transfer: moved })
  }
  const json = new TextEncoder().encode(JSON.stringify(readMarkupExportView(source.live)))
  const input = { document: { view: json }, original: copy, policy }
  return slot.run('exportMarkup', input, { transfer: [...moved, json.buffer] })
}
