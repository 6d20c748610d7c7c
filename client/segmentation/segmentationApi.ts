import { z } from 'zod'
import { jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

const exception = z.object({
  id: z.string(),
  lang: z.string(),
  isBreak: z.boolean(),
  beforeBreak: z.string(),
  afterBreak: z.string(),
})
const settings = z.object({
  srx: z
    .object({ languageRules: z.array(z.object({ name: z.string(), rules: z.number() })) })
    .nullable(),
  exceptions: z.array(exception),
})
const explanation = z.object({
  segments: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
  decisions: z.array(
    z.object({
      at: z.number(),
      isBreak: z.boolean(),
      rule: z.string(),
      detail: z.string().optional(),
    }),
  ),
})

export type SegmentationSettings = z.infer<typeof settings>
export type SegmentationExceptionView = z.infer<typeof exception>
export type Explanation = z.infer<typeof explanation>

/** `/api/projects/:id/segmentation` and below. */
export function segmentationUrl(projectId: string, path = ''): string {
  return `/api/projects/${encodeURIComponent(projectId)}/segmentation${path}`
}

export function fetchSegmentation(projectId: string, signal?: AbortSignal) {
  return requestJson(segmentationUrl(projectId), settings, { signal })
}

export async function uploadSrx(projectId: string, file: File): Promise<void> {
  await requestJson(segmentationUrl(projectId, '/srx'), z.unknown(), {
    method: 'PUT',
    headers: { 'content-type': 'application/xml' },
    body: await file.text(),
  })
}

export function removeSrx(projectId: string): Promise<void> {
  return requestNoContent(segmentationUrl(projectId, '/srx'), { method: 'DELETE' })
}

export async function addAbbreviation(projectId: string, lang: string, abbreviation: string) {
  await requestJson(
    segmentationUrl(projectId, '/exceptions'),
    exception,
    jsonInit('POST', { lang, abbreviation }),
  )
}

export function removeException(projectId: string, exceptionId: string): Promise<void> {
  return requestNoContent(
    segmentationUrl(projectId, `/exceptions/${encodeURIComponent(exceptionId)}`),
    { method: 'DELETE' },
  )
}

export function explainText(projectId: string, lang: string, text: string): Promise<Explanation> {
  return requestJson(
    segmentationUrl(projectId, '/explain'),
    explanation,
    jsonInit('POST', { lang, text }),
  )
}
