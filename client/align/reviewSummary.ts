import { LOW_CONFIDENCE } from '@qalam/shared/alignment'
import type { Review, ReviewPair } from './alignmentEdits.ts'

/** A pair the aligner was unsure of and nobody has touched since. */
export function isLowConfidence(pair: ReviewPair): boolean {
  return pair.confidence !== null && pair.confidence < LOW_CONFIDENCE
}

/** A pair that cannot become a segment: a segment needs source text. */
export function lacksSource(pair: ReviewPair): boolean {
  return pair.source.length === 0
}

export interface ReviewSummary {
  pairs: number
  /** Share of pairs with exactly one sentence on each side, 0..1. */
  oneToOneShare: number
  lowConfidence: number
  /** Low-confidence pairs with a translation: confirming stores them as drafts. */
  drafts: number
  withoutSource: number
}

export function summarizeReview(review: Review): ReviewSummary {
  const { pairs } = review
  const oneToOne = pairs.filter((pair) => pair.source.length === 1 && pair.target.length === 1)
  return {
    pairs: pairs.length,
    oneToOneShare: pairs.length === 0 ? 0 : oneToOne.length / pairs.length,
    lowConfidence: pairs.filter(isLowConfidence).length,
    drafts: pairs.filter((pair) => isLowConfidence(pair) && pair.target.length > 0).length,
    withoutSource: pairs.filter(lacksSource).length,
  }
}

/** The first pair after `from` (wrapping around) that `matches`, or null when none does. */
export function nextPairWhere(
  review: Review,
  from: number,
  matches: (pair: ReviewPair) => boolean,
): number | null {
  const count = review.pairs.length
  for (let step = 1; step <= count; step++) {
    const index = (((from + step) % count) + count) % count
    if (matches(review.pairs[index]!)) return index
  }
  return null
}
