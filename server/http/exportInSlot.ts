import type * as Y from 'yjs'
import type { ExportPolicy } from '@qalam/shared/export'
import { readDocxExportView, readMarkupExportView } from '../formats/index.ts'
import type { LoadedDocument, OriginalFile } from '../storage/index.ts'
import type { ExportedDocument } from '../workers/index.ts'
import type { ImportSlot } from './importQueue.ts'

/*
 * Exports written in a worker slot (a long document takes seconds of CPU). The worker never
 * holds a second Y.Doc of an open document (a 10,000-segment one weighs 200–850 MB rebuilt):
 * the live document is read here for what the file writes only and sent as UTF-8 JSON, which
 * crosses threads in a fraction of the time thousands of cloned objects take. A document
 * nobody has open is sent as its stored rows, replayed in the worker, read and let go there,
 * so that the main thread never replays a document it does not serve.
 */

/** Where an export finds the document: the room's live Y.Doc, or the store's rows. */
export type ExportSource = { live: Y.Doc } | { stored: LoadedDocument }

/** The job input for `source`, and the buffers moved (not copied) into the worker. */
function documentInput(
  source: ExportSource,
  original: OriginalFile,
  readView: (doc: Y.Doc) => unknown,
): { document: ExportedDocument; original: OriginalFile; transfer: ArrayBuffer[] } {
  // A copy with a buffer of its own (a Buffer's `slice` would share the store's), moved over.
  const copy = { ...original, bytes: new Uint8Array(original.bytes) }
  const moved = copy.bytes.buffer as ArrayBuffer
  if ('stored' in source) {
    return { document: { stored: source.stored }, original: copy, transfer: [moved] }
  }
  const view = new TextEncoder().encode(JSON.stringify(readView(source.live)))
  return { document: { view }, original: copy, transfer: [moved, view.buffer as ArrayBuffer] }
}

/** An HTML or Markdown export: the translations spliced into the original file. */
export function exportMarkupInSlot(
  slot: ImportSlot,
  source: ExportSource,
  original: OriginalFile,
  policy: ExportPolicy,
) {
  const { transfer, ...input } = documentInput(source, original, readMarkupExportView)
  return slot.run('exportMarkup', { ...input, policy }, { transfer })
}

/** A DOCX export: the translations written into the original Word file. */
export function exportDocxInSlot(
  slot: ImportSlot,
  source: ExportSource,
  original: OriginalFile,
  policy: ExportPolicy,
) {
  const read = (doc: Y.Doc) => readDocxExportView(doc, policy)
  const { transfer, ...input } = documentInput(source, original, read)
  return slot.run('exportDocx', { ...input, policy }, { transfer })
}
