/*
 * Words are counted by our own rule rather than `Intl.Segmenter`: its word boundaries come
 * from the runtime's ICU, which differs between Node and Chromium (257 against 256 words on
 * the same Russian text), and a translator's word count must not depend on where it is shown.
 *
 * A word is a run of letters, combining marks and digits. Apostrophes, hyphens and zero-width
 * (non-)joiners between two such runs keep them one word, as CAT tools count "из-за",
 * "state-of-the-art" and "don't"; a dot or comma between digits keeps a number whole ("1,5",
 * "3.14", "10.000"). Everything else (spaces, punctuation, dashes, symbols) separates words.
 */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`
const IN_WORD_JOINER = String.raw`['’ʼ\-\u2010\u2011\u200C\u200D]`
const WORD = new RegExp(
  String.raw`${WORD_CHAR}+(?:${IN_WORD_JOINER}${WORD_CHAR}+|(?<=\p{N})[.,]\p{N}+)*`,
  'gu',
)

/**
 * Number of words in `text` as a CAT tool counts them: hyphenated compounds and numbers are one
 * word each. The same on every runtime; `lang` is accepted for callers that know it, and no
 * rule depends on it yet.
 */
export function countWords(text: string, _lang?: string): number {
  return text.match(WORD)?.length ?? 0
}
