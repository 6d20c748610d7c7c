export type { BreakDecision, TextSegment } from './types.ts'
export { segmentText } from './segmentText.ts'
export { RULE_LANGUAGES, rulesFor, type LanguageRules } from './rules/index.ts'
