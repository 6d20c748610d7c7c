/** Where the server serves the document rebuilt in the target language. */
export function exportUrl(documentId: string, format: 'txt' = 'txt'): string {
  return `/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`
}
