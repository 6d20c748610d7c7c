import { z } from 'zod'
import { SEGMENT_STATUSES, type SegmentStatus } from '@qalam/shared/model'
import { requestJson } from '../http/requestJson.ts'

const progress = z.object({
  segments: z.number(),
  words: z.number(),
  translatedWords: z.number(),
  approvedWords: z.number(),
  byStatus: z.record(z.enum(SEGMENT_STATUSES), z.number()) as z.ZodType<
    Record<SegmentStatus, number>
  >,
})

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  createdAt: z.union([z.string(), z.number()]),
  updatedAt: z.union([z.string(), z.number()]),
  progress,
})

export type DocumentSummary = z.infer<typeof documentSummary>

const documentList = z.object({ documents: z.array(documentSummary) })

export async function fetchDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  return (await requestJson('/api/documents', documentList, { signal })).documents
}

export async function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return requestJson(`/api/documents/${encodeURIComponent(id)}`, documentSummary, { signal })
}
