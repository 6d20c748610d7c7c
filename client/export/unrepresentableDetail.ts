import { z } from 'zod'
import { ApiError } from '../http/requestJson.ts'

const unrepresentableDetail = z.object({
  encoding: z.string(),
  /** How many distinct characters the encoding lacks in all. */
  count: z.number(),
  /** The first of them, each with the segments (1-based) that hold it. */
  characters: z.array(
    z.object({
      character: z.string(),
      codePoint: z.string(),
      segments: z.array(z.number().int().min(1)),
      segmentCount: z.number(),
    }),
  ),
})
export type UnrepresentableDetail = z.infer<typeof unrepresentableDetail>

/** The server's list of characters an export encoding cannot hold, when that is the error. */
export function unrepresentableDetailOf(error: unknown): UnrepresentableDetail | null {
  if (!(error instanceof ApiError) || error.code !== 'export.unrepresentable') return null
  const parsed = unrepresentableDetail.safeParse(error.detail)
  return parsed.success ? parsed.data : null
}
