/**
 * One step of an alignment: consecutive source sentences paired with consecutive target
 * sentences (0-based indices). Either side may be empty (a sentence with no counterpart),
 * never both.
 */
export interface Bead {
  source: number[]
  target: number[]
  /** 0..1; monotone in the bead's cost. Beads under LOW_CONFIDENCE deserve a human look. */
  confidence: number
}

/**
 * Under this confidence the aligner was unsure: the review screen marks such pairs, and a pair
 * confirmed without a person changing it is stored as a draft rather than a translation.
 */
export const LOW_CONFIDENCE = 0.5

/** A glossary or translation-memory entry: the same term or phrase on both sides. */
export interface DictionaryEntry {
  source: string
  target: string
}

export interface AlignOptions {
  /** BCP 47 tags; they only decide how sentences of a merged bead are joined. */
  sourceLang?: string
  targetLang?: string
  /** Paragraph index of each sentence; used only when both sides have more than one paragraph. */
  sourceParagraphs?: readonly number[]
  targetParagraphs?: readonly number[]
  /** Known translations that raise the score of beads containing both sides of an entry. */
  dictionary?: readonly DictionaryEntry[]
  /** `length` is the Gale–Church baseline: character lengths alone, same search. */
  method?: 'full' | 'length'
}
