import { beadsToPairs } from '@qalam/shared/alignment'
import type { Review, ReviewPair, SideText } from './alignmentEdits.ts'

export interface ConfirmedPair {
  /** The file's text of the pair's source sentences, the whitespace between them included. */
  source: string
  target: string
  /** Paragraph of the pair's first source sentence, so the export keeps the paragraphs. */
  paragraph: number
  /** The file's whitespace before the pair's first source sentence. */
  before: string
  /** Offsets in `source` where its second and later sentences begin. */
  sourceBreaks: number[]
  /** The aligner's confidence, or null once a person changed the pair. */
  confidence: number | null
}

/** The source of a pair as the file has it, and where each of its sentences begins. */
function sourceOf(pair: ReviewPair, side: SideText): { text: string; breaks: number[] } {
  let text = ''
  const breaks: number[] = []
  pair.source.forEach((k, position) => {
    if (position > 0) {
      text += side.gaps[k] ?? ' '
      breaks.push(text.length)
    }
    text += side.sentences[k] ?? ''
  })
  return { text, breaks }
}

/**
 * The pairs as the confirm request sends them: the source in the file's own text and layout,
 * the target's sentences joined the way the aligner joins a bead's sentences for the language.
 */
export function confirmedPairs(
  review: Review,
  languages: { sourceLang: string; targetLang: string },
): ConfirmedPair[] {
  const beads = review.pairs.map((pair) => ({ ...pair, confidence: pair.confidence ?? 1 }))
  const joined = beadsToPairs(beads, review.source.sentences, review.target.sentences, languages)
  return review.pairs.map((pair, index) => {
    const first = pair.source[0] ?? -1
    const source = sourceOf(pair, review.source)
    return {
      source: source.text,
      target: joined[index]!.target,
      paragraph: review.source.paragraphs[first] ?? 0,
      before: review.source.gaps[first] ?? '',
      sourceBreaks: source.breaks,
      confidence: pair.confidence,
    }
  })
}
