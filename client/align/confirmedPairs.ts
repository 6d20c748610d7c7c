import { beadsToPairs } from '@qalam/shared/alignment'
import type { Review } from './alignmentEdits.ts'

export interface ConfirmedPair {
  source: string
  target: string
  /** Paragraph of the pair's first source sentence, so the export keeps the paragraphs. */
  paragraph: number
}

/**
 * The pairs as the confirm request sends them: each side's sentences joined the way the
 * aligner joins a bead's sentences for the language.
 */
export function confirmedPairs(
  review: Review,
  languages: { sourceLang: string; targetLang: string },
): ConfirmedPair[] {
  const beads = review.pairs.map((pair) => ({ ...pair, confidence: pair.confidence ?? 1 }))
  return beadsToPairs(beads, review.source.sentences, review.target.sentences, languages).map(
    (pair, index) => ({
      source: pair.source,
      target: pair.target,
      paragraph: review.source.paragraphs[review.pairs[index]!.source[0] ?? -1] ?? 0,
    }),
  )
}
