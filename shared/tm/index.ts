export { tokenize, type TextToken, type TokenKind } from './tokenize.ts'
export {
  matchUnit,
  type MatchKind,
  type TmMatch,
  type TmQuery,
  type TmUnitTexts,
} from './matchUnit.ts'
export type { DiffSpan, WordDiff } from './diffSpans.ts'
export {
  TmIndex,
  type ConcordanceOptions,
  type IndexMatch,
  type LookupOptions,
  type TmIndexUnit,
} from './TmIndex.ts'
export {
  concordanceSpans,
  findConcordance,
  type ConcordanceHit,
  type ConcordanceTexts,
  type HitSpan,
} from './findConcordance.ts'
export { exactForm } from './contextHash.ts'
