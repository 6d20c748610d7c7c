export {
  ANALYSIS_BANDS,
  BAND_LABELS,
  DEFAULT_BAND_WEIGHTS,
  MIN_ANALYSIS_PERCENT,
  addToAnalysis,
  bandOf,
  countCharacters,
  emptyAnalysis,
  finishAnalysis,
  mergeAnalyses,
  shareOf,
  type AnalysisBand,
  type AnalysisReport,
  type BandTotals,
} from './matchBands.ts'
export { analysisCsv } from './analysisCsv.ts'
