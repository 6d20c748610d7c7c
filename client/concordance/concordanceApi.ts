import { z } from 'zod'
import { requestJson } from '../http/requestJson.ts'

const span = z.object({ start: z.number(), end: z.number() })
export type HitSpan = z.infer<typeof span>

const hit = z.object({
  unitId: z.number(),
  sourceLang: z.string(),
  targetLang: z.string(),
  source: z.string(),
  target: z.string(),
  sourceSpans: z.array(span),
  targetSpans: z.array(span),
  origin: z.object({
    memoryId: z.string(),
    memoryName: z.string(),
    createdBy: z.string(),
    createdAt: z.number(),
    changedBy: z.string(),
    changedAt: z.number(),
  }),
})
export type ConcordanceHit = z.infer<typeof hit>

const concordanceResult = z.object({
  query: z.string(),
  side: z.enum(['source', 'target', 'both']),
  hits: z.array(hit),
})
export type ConcordanceResult = z.infer<typeof concordanceResult>
export type ConcordanceSide = ConcordanceResult['side']

/** The server's longest query (`MAX_CONCORDANCE_QUERY`). */
export const MAX_QUERY_LENGTH = 200

/** Units of the document's project memories holding `query` in the chosen side, newest first. */
export function searchConcordance(
  documentId: string,
  query: string,
  side: ConcordanceSide,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ q: query, side })
  return requestJson(
    `/api/documents/${encodeURIComponent(documentId)}/concordance?${params.toString()}`,
    concordanceResult,
    { signal },
  )
}
