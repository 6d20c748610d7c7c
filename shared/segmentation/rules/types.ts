/**
 * Segmentation data for one language, SRX-like: the engine proposes a break after every
 * sentence-final mark and these lists veto or confirm it. Abbreviations are written without
 * their final period and matched case-sensitively as whole tokens.
 */
export interface LanguageRules {
  /** Abbreviations after which a sentence never ends (titles, `г.` before a name or year). */
  neverEndAfter: readonly string[]
  /** Abbreviations that close a list (`etc.`, `и т.д.`): a sentence ends after them before a capital. */
  mayEndAfter: readonly string[]
  /**
   * Abbreviations that end a sentence as often as they sit inside one before a name (`U.S.`,
   * `Inc.`, `a.m.`, `руб.`): a sentence ends after them only before a word of
   * `sentenceStarters` or a title, never before a name, a number or a bracket.
   */
  ambiguousAfter?: readonly string[]
  /**
   * Closed-class words that open sentences (pronouns, articles, conjunctions, prepositions):
   * capitalized after an ambiguous abbreviation they show a new sentence, where any other
   * capitalized word is taken for a name. Without a list, any capital ends the sentence.
   */
  sentenceStarters?: readonly string[]
  /** The marks that end a sentence, when they differ from `. ! ? …` and the Arabic ones. */
  terminals?: string
  /** A number of one or two digits with a period is an ordinal (`12. Juni`), not an end. */
  hasDottedOrdinals?: boolean
  /** A lone `I.` after a lowercase word is the pronoun ending a sentence, not an initial. */
  hasPronounI?: boolean
}
