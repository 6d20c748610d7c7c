export { analyzeDocument, type AnalyzeOptions } from './analyzeDocument.ts'
export { AnalysisBusyError, DocumentAnalyses, type AnalysisRequest } from './DocumentAnalyses.ts'
export {
  forEachBestMatch,
  readSegmentSources,
  type BestMatchPass,
  type SegmentSources,
} from './bestMatches.ts'
export { mapUnitTags } from './mapUnitTags.ts'
export {
  prefillExactMatches,
  type PrefillOptions,
  type PrefillResult,
  type PrefilledSegment,
} from './prefillExactMatches.ts'
