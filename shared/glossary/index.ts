export { TERM_STATUSES, type GlossaryEntry, type Term, type TermStatus } from './types.ts'
export { TermRecognizer, termsIn, type TermHit } from './recognizeTerms.ts'
export { checkTerms, type TermFinding } from './checkTerms.ts'
