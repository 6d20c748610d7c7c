import type { Encoding } from '@qalam/shared/api'

/** What an export may be written in: an encoding, or `original` for the one the source came in. */
export type ExportEncoding = Encoding | 'original'

/** Where the server serves the document rebuilt in the target language, in `encoding`. */
export function exportUrl(documentId: string, encoding: ExportEncoding = 'utf-8'): string {
  const query = new URLSearchParams({ format: 'txt', encoding })
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`
}
