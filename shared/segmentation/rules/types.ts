/**
 * Segmentation data for one language, SRX-like: the engine proposes a break after every
 * sentence-final mark and these lists veto or confirm it. Abbreviations are written without
 * their final period and matched case-sensitively as whole tokens.
 */
export interface LanguageRules {
  /** Abbreviations after which a sentence never ends (titles, `г.` before a name or year). */
  neverEndAfter: readonly string[]
  /** Abbreviations that end a sentence only when a capitalized word follows (`etc.`, `т.д.`). */
  mayEndAfter: readonly string[]
  /** A number of one or two digits with a period is an ordinal (`12. Juni`), not an end. */
  hasDottedOrdinals?: boolean
  /** A lone `I.` after a lowercase word is the pronoun ending a sentence, not an initial. */
  hasPronounI?: boolean
}
