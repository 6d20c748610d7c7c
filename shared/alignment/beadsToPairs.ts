import type { Bead } from './types.ts'

/** A bead with its sentences joined: what a review screen shows and a translation memory stores. */
export interface AlignedPair {
  source: string
  target: string
  sourceIndices: number[]
  targetIndices: number[]
  confidence: number
}

// Scripts written without spaces between sentences; everything else joins with one space.
const JOINS_WITHOUT_SPACE = /^(?:zh|ja|th|lo|km|my)\b/i

function joinerFor(lang: string | undefined): string {
  return lang && JOINS_WITHOUT_SPACE.test(lang) ? '' : ' '
}

/**
 * Turns beads into pairs of texts, joining the sentences of a side in order with the
 * language's separator. A side with no sentences becomes the empty string.
 */
export function beadsToPairs(
  beads: readonly Bead[],
  source: readonly string[],
  target: readonly string[],
  languages: { sourceLang?: string; targetLang?: string } = {},
): AlignedPair[] {
  const sourceJoiner = joinerFor(languages.sourceLang)
  const targetJoiner = joinerFor(languages.targetLang)
  return beads.map((bead) => ({
    source: bead.source.map((k) => source[k] ?? '').join(sourceJoiner),
    target: bead.target.map((k) => target[k] ?? '').join(targetJoiner),
    sourceIndices: [...bead.source],
    targetIndices: [...bead.target],
    confidence: bead.confidence,
  }))
}
