import { z } from 'zod'
import type { SegmentStatus } from '@qalam/shared/model'
import { actingRole } from '../auth/roleSchema.ts'
import { requestJson } from '../http/requestJson.ts'

const progress = z.object({
  segments: z.number(),
  words: z.number(),
  translatedWords: z.number(),
  approvedWords: z.number(),
  // The statuses are not re-listed here: importing the model's list would pull Yjs into the
  // list page's bundle.
  byStatus: z.record(z.string(), z.number()) as unknown as z.ZodType<Record<SegmentStatus, number>>,
})

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  createdAt: z.union([z.string(), z.number()]),
  updatedAt: z.union([z.string(), z.number()]),
  progress,
  projectId: z.string(),
  /** The role the logged-in user acts in for this document. */
  role: actingRole,
})

export type DocumentSummary = z.infer<typeof documentSummary>

const documentList = z.object({ documents: z.array(documentSummary) })

/** The documents of one project the user is a member of. */
export async function fetchProjectDocuments(
  projectId: string,
  signal?: AbortSignal,
): Promise<DocumentSummary[]> {
  const url = `/api/documents?projectId=${encodeURIComponent(projectId)}`
  return (await requestJson(url, documentList, { signal })).documents
}

export async function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return requestJson(`/api/documents/${encodeURIComponent(id)}`, documentSummary, { signal })
}
