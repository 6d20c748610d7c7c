import { z } from 'zod'
import { requestJson } from '../http/requestJson.ts'

const span = z.object({
  start: z.number(),
  end: z.number(),
  op: z.enum(['insert', 'delete', 'replace']),
})
export type DiffSpan = z.infer<typeof span>

const match = z.object({
  unitId: z.number(),
  percent: z.number(),
  kind: z.enum(['in-context', 'exact', 'fuzzy']),
  inContext: z.boolean(),
  exact: z.boolean(),
  source: z.string(),
  target: z.string(),
  /** The unit's tags as the active segment's, where they stand in `target`. */
  targetTags: z.array(
    z.object({
      kind: z.enum(['open', 'close', 'standalone']),
      n: z.number().int(),
      offset: z.number().int(),
    }),
  ),
  numbersReplaced: z.boolean(),
  diff: z.object({ text: z.array(span), stored: z.array(span) }),
  origin: z.object({
    memoryId: z.string(),
    memoryName: z.string(),
    createdBy: z.string(),
    createdAt: z.number(),
    changedBy: z.string(),
    changedAt: z.number(),
  }),
})
export type SegmentMatch = z.infer<typeof match>

const segmentMatches = z.object({
  segmentId: z.string(),
  revision: z.number(),
  matches: z.array(match),
  repetitions: z.array(z.object({ segmentId: z.string(), index: z.number() })),
})
export type SegmentMatches = z.infer<typeof segmentMatches>

/**
 * Translation-memory matches for one segment, best first. With `since`, the server answers once
 * the memories have moved past that revision (or after a few seconds): after an approval.
 */
export function fetchMatches(
  documentId: string,
  segmentId: string,
  options: { since?: number; signal?: AbortSignal } = {},
) {
  const query = new URLSearchParams({ segment: segmentId })
  if (options.since !== undefined) query.set('since', String(options.since))
  return requestJson(
    `/api/documents/${encodeURIComponent(documentId)}/matches?${query.toString()}`,
    segmentMatches,
    { signal: options.signal },
  )
}
