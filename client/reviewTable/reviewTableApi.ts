import { z } from 'zod'
import { requestFile, requestJson } from '../http/requestJson.ts'

export type ReviewTableFormat = 'review-docx' | 'review-html'

/** Where the server makes the document's bilingual review table, labelled in `locale`. */
export function reviewTableUrl(
  documentId: string,
  format: ReviewTableFormat,
  locale: string,
): string {
  const query = new URLSearchParams({ format, locale })
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`
}

const importReport = z.object({
  rows: z.number(),
  matched: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  unknownIds: z.number(),
  lockedSkipped: z.number(),
  duplicates: z.number(),
  added: z.number(),
  rowsWithoutKey: z.number(),
})

export type ReviewImportReport = z.infer<typeof importReport>

/** Sends an edited review table back; the server adds its changes as suggestions. */
export function uploadReviewTable(documentId: string, file: File): Promise<ReviewImportReport> {
  const form = new FormData()
  form.append('file', file)
  return requestJson(
    `/api/documents/${encodeURIComponent(documentId)}/review-import`,
    importReport,
    { method: 'POST', body: form },
  )
}

export { requestFile }
