import { exactForm } from './contextHash.ts'
import { alignTokens, scoreFromDistance, sequenceWeight } from './editDistance.ts'
import { diffSpans, type WordDiff } from './diffSpans.ts'
import { swapNumbers } from './swapNumbers.ts'
import { TokenVocabulary } from './TokenVocabulary.ts'

/** The segment being translated: its source and, for in-context matches, its neighbours' sources. */
export interface TmQuery {
  source: string
  /** Source of the segment before, '' at the start of the document; undefined when unknown. */
  prev?: string | undefined
  /** Source of the segment after, '' at the end of the document; undefined when unknown. */
  next?: string | undefined
}

/** What matching needs of a stored translation unit. */
export interface TmUnitTexts {
  source: string
  target: string
  prev?: string | undefined
  next?: string | undefined
}

/** How a match is labelled: 101 % in context, 100 % exact, or fuzzy below that. */
export type MatchKind = 'in-context' | 'exact' | 'fuzzy'

/** A stored unit scored against the segment being translated, ready to show and insert. */
export interface TmMatch {
  /** Token-level similarity in [0, 1]: 1 − weighted edit distance / heavier weight. */
  score: number
  /** What translators read: 101 in context, 100 exact, at most 99 otherwise. */
  percent: number
  kind: MatchKind
  /** The stored target, with numbers replaced when they were the only difference. */
  target: string
  numbersReplaced: boolean
  /** Word-level differences between the new source (`text`) and the stored source (`stored`). */
  diff: WordDiff
}

function sameContext(query: TmQuery, unit: TmUnitTexts): boolean {
  if (query.prev === undefined || query.next === undefined) return false
  if (unit.prev === undefined || unit.next === undefined) return false
  return (
    exactForm(query.prev) === exactForm(unit.prev) && exactForm(query.next) === exactForm(unit.next)
  )
}

/**
 * Scores `unit` against `query` as a translator reads it: the weighted token edit distance over
 * folded and stemmed text (placeables cheap), 100 only for the same text (spaces aside), 101
 * when the neighbours match too, at most 99 when only case, diacritics or spelling variants
 * differ; with the word diff to highlight and the target's numbers swapped when only numbers
 * differ. Pure: reads nothing but its arguments.
 */
export function matchUnit(query: TmQuery, unit: TmUnitTexts, sourceLang: string): TmMatch {
  const exact = exactForm(unit.source) === exactForm(query.source)
  // The same text aligns with nothing to mark: skip a table of length² cells (a long unit).
  if (exact) {
    return {
      score: 1,
      percent: sameContext(query, unit) ? 101 : 100,
      kind: sameContext(query, unit) ? 'in-context' : 'exact',
      target: unit.target,
      numbersReplaced: false,
      diff: { text: [], stored: [] },
    }
  }
  const vocabulary = new TokenVocabulary(sourceLang)
  const stored = { ...vocabulary.encode(unit.source, true), text: unit.source }
  const incoming = { ...vocabulary.encode(query.source, true), text: query.source }
  const { distance, steps } = alignTokens(stored.coded, incoming.coded)
  const score = scoreFromDistance(
    distance,
    sequenceWeight(stored.coded),
    sequenceWeight(incoming.coded),
  )
  const diff = diffSpans(steps, stored.tokens, incoming.tokens)
  const swapped = swapNumbers(steps, stored, incoming, unit.target, vocabulary)
  return {
    score,
    percent: Math.min(99, Math.floor(score * 100 + 1e-9)),
    kind: 'fuzzy',
    target: swapped ?? unit.target,
    numbersReplaced: swapped !== null,
    diff,
  }
}
