import type { ExportFormat } from '@qalam/shared/model'
import type { DocumentExportView } from '@qalam/shared/model'

/*
 * A document's export view crosses from the thread that read it (the room's, or the worker
 * that replayed a stored document) to the worker that writes the file as UTF-8 JSON: one
 * string, not tens of thousands of cloned objects. A tag's `display` (the tooltip's copy of
 * the original markup) is most of a formatted document's view, and only the formats that
 * write it out again get it.
 */

/** What the file of an export is written from: one of the export formats, or a review table. */
export type ExportedFormat = ExportFormat | 'review-docx' | 'review-html'

/** Whether `format` writes a tag's `display` (XLIFF's and TMX's copies of the markup). */
export function writesTagCopies(format: ExportedFormat): boolean {
  return format === 'xliff12' || format === 'xliff20' || format === 'tmx'
}

export function encodeExportView(view: DocumentExportView, withTagCopies: boolean): Uint8Array {
  const json = withTagCopies
    ? JSON.stringify(view)
    : JSON.stringify(view, (key, value: unknown) => (key === 'display' ? '' : value))
  return new TextEncoder().encode(json)
}

/** The view `encodeExportView` wrote; the bytes came from this server, never from a client. */
export function decodeExportView(bytes: Uint8Array): DocumentExportView {
  return JSON.parse(new TextDecoder().decode(bytes)) as DocumentExportView
}
