import { z } from 'zod'
import { ANALYSIS_BANDS, type AnalysisReport } from '@qalam/shared/analysis'
import { requestFile, requestJson, type ReceivedFile } from '../http/requestJson.ts'

const totals = z.object({
  segments: z.number().int().min(0),
  words: z.number().int().min(0),
  characters: z.number().int().min(0),
})
const bandRecord = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(ANALYSIS_BANDS.map((band) => [band, value])) as Record<
      (typeof ANALYSIS_BANDS)[number],
      T
    >,
  )

const analysisReport = z.object({
  bands: bandRecord(totals),
  total: totals,
  weightedWords: z.number().min(0),
  weights: bandRecord(z.number().min(0)),
}) satisfies z.ZodType<AnalysisReport>

const analysisUrl = (documentId: string) =>
  `/api/documents/${encodeURIComponent(documentId)}/analysis`

/** The document's analysis by match band; `refresh` runs it again on the server. */
export function fetchAnalysis(documentId: string, refresh: boolean): Promise<AnalysisReport> {
  return requestJson(`${analysisUrl(documentId)}${refresh ? '?refresh=1' : ''}`, analysisReport)
}

/** The same analysis as a CSV file. */
export function fetchAnalysisCsv(documentId: string): Promise<ReceivedFile> {
  return requestFile(`${analysisUrl(documentId)}?format=csv`)
}
