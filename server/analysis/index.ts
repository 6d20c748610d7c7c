export { analyzeDocument, type AnalyzeOptions } from './analyzeDocument.ts'
export { AnalysisBusyError, DocumentAnalyses, type AnalysisRequest } from './DocumentAnalyses.ts'
export {
  forEachBestMatch,
  readSegmentSources,
  type BestMatchPass,
  type SegmentSources,
} from './bestMatches.ts'
