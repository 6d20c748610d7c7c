export {
  analyzeDocument,
  analyzeSources,
  type AnalyzeOptions,
  type AnalyzeSourcesOptions,
} from './analyzeDocument.ts'
export {
  AnalysisBusyError,
  AnalysisCancelledError,
  DocumentAnalyses,
  RUNNING_ANALYSES,
  type AnalysisRequest,
  type DocumentAnalysesOptions,
} from './DocumentAnalyses.ts'
export {
  forEachBestMatch,
  readDocumentSources,
  readSegmentSources,
  viewDocumentSources,
  type BestMatchPass,
  type DocumentSources,
  type SegmentSources,
} from './bestMatches.ts'
export { mapUnitTags } from './mapUnitTags.ts'
export {
  applyPrefills,
  findPrefills,
  type AppliedPrefills,
  type FindPrefillsOptions,
  type Prefill,
  type PrefilledSegment,
} from './prefillExactMatches.ts'
