import type * as Y from 'yjs'
import type { DocumentExportView } from '@qalam/shared/model'
import {
  decodeExportView,
  encodeDocumentExportView,
  writesTagCopies,
  type ExportSources,
} from '../documents/index.ts'
import type { LoadedDocument } from '../storage/index.ts'
import type { ExportedFile, ExportRequest } from './exportFile.ts'
import { NotFoundError } from './errors.ts'
import type { ImportSlot } from './importQueue.ts'

/*
 * Exports in a worker slot. The worker never holds a second Y.Doc of an open document (a
 * 10,000-segment one weighs 200–850 MB rebuilt): the live document is read here for its
 * export view, which crosses as UTF-8 JSON. For a document nobody has open, the view its
 * room kept at unload (or its import) is read from the store. Without one (a view too large
 * to keep, or a server that stopped without unloading) the stored document is replayed in a worker of
 * its own, which sends back the view and retires with the memory the replay grew before
 * another worker writes the file: the two peaks come one after the other, not on top of each
 * other, and the main thread never replays a document it does not serve.
 */

/**
 * Where an export finds the document: the room's live Y.Doc, the export view kept at the
 * room's unload (with tag copies), or the store's rows to replay.
 */
export type ExportSource = { live: Y.Doc } | { view: Uint8Array } | { stored: LoadedDocument }

/** The open room's document, else its kept view, else the stored rows; null when it is gone. */
export async function findExportSource(
  sources: ExportSources,
  documentId: string,
): Promise<ExportSource | null> {
  const live = sources.liveDocument(documentId)
  if (live) return { live }
  const view = await sources.store.loadExportView(documentId)
  if (view) return { view }
  const stored = await sources.store.loadDocument(documentId)
  return stored && { stored }
}

/** `findExportSource`, or `document.not_found`. */
export async function exportSourceOf(
  sources: ExportSources,
  documentId: string,
): Promise<ExportSource> {
  const source = await findExportSource(sources, documentId)
  if (!source) throw new NotFoundError('document.not_found', `No document ${documentId}.`)
  return source
}

/**
 * The source's export view as JSON, tag copies only when `withTagCopies`, in buffers of its
 * own that can be moved to a worker: a live document's in the chunks it was written into.
 */
async function exportViewJson(
  slot: ImportSlot,
  source: ExportSource,
  withTagCopies: boolean,
): Promise<Uint8Array[]> {
  if ('live' in source) {
    return encodeDocumentExportView(source.live, withTagCopies)
  }
  // A copy: the worker takes its buffer, which the store's may share with others.
  if ('view' in source) return [new Uint8Array(source.view)]
  const { view } = await slot.run('readExportView', { stored: source.stored, withTagCopies })
  return [view]
}

/**
 * The source's export view, for what the main thread computes from it (reports, previews, the
 * term check), without the tags' markup copies: an open document read here in turns of the
 * event loop, a stored one replayed in a slot `inSlot` takes.
 */
export async function readExportView(
  source: ExportSource,
  inSlot: <T>(work: (slot: ImportSlot) => Promise<T>) => Promise<T>,
): Promise<DocumentExportView> {
  if ('live' in source) return decodeExportView(await encodeDocumentExportView(source.live, false))
  if ('view' in source) return decodeExportView(source.view)
  const json = await inSlot((slot) => exportViewJson(slot, source, false))
  return decodeExportView(json)
}

/** The export's file, written in the worker from the source's view. */
export async function exportInSlot(
  slot: ImportSlot,
  source: ExportSource,
  request: ExportRequest,
): Promise<ExportedFile> {
  const view = await exportViewJson(slot, source, writesTagCopies(request.format))
  // Copies with buffers of their own (a Buffer's `slice` would share the store's), moved over.
  const original = request.original && {
    ...request.original,
    bytes: new Uint8Array(request.original.bytes),
  }
  const transfer = view.map((chunk) => chunk.buffer as ArrayBuffer)
  if (original) transfer.push(original.bytes.buffer as ArrayBuffer)
  return slot.run('exportDocument', { ...request, original, view }, { transfer })
}
