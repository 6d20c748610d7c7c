export type { TextSegment } from './types.ts'
export { segmentText } from './segmentText.ts'
export { rulesFor, type LanguageRules } from './rules/index.ts'
