import type { DocumentFormat } from '@qalam/shared/model'

/** Where the server serves the document rebuilt in the target language. */
export function exportUrl(documentId: string, format: DocumentFormat = 'txt'): string {
  return `/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`
}
