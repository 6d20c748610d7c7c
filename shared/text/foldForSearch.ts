/**
 * Text folded for matching: what find, and later translation memory and QA, compare instead of
 * the text itself. `text` is the folded string; `origins[i]` is the UTF-16 offset in the
 * original string of the character that produced `text[i]`, so a match found in the folded text
 * can be highlighted in the original.
 */
export interface FoldedText {
  text: string
  origins: readonly number[]
}

// Nonspacing marks: Latin and Cyrillic accents (й, ё fold to и, е as Russian readers expect),
// Arabic harakat, shadda, sukun and the hamza written above or below an alef (أ إ آ → ا).
const NONSPACING_MARK = /\p{Mn}/u
const TATWEEL = '\u0640'
const SPACE_SEPARATOR = /\p{Zs}/u

/**
 * Folds `text` the simple way: lower case, then each character decomposed (NFD) with its
 * nonspacing marks and the Arabic tatweel dropped and composed again (NFC), and every space separator (no-break,
 * thin…) read as a plain space. Letters without a decomposition stay themselves, so the Kazakh
 * ә ғ қ ң ө ұ ү һ і never fold into а г к н о у у х и. Never changes what it was given.
 */
export function foldForSearch(text: string): FoldedText {
  let folded = ''
  const origins: number[] = []
  let offset = 0
  for (const char of text) {
    const kept = foldChar(char)
    folded += kept
    for (let unit = 0; unit < kept.length; unit++) origins.push(offset)
    offset += char.length
  }
  return { text: folded, origins }
}

/** `foldForSearch(text).text`: the folded string alone, for comparing and indexing. */
export function foldText(text: string): string {
  let folded = ''
  for (const char of text) folded += foldChar(char)
  return folded
}

// A text has a few hundred distinct characters at most, so each is folded once: a search
// folds every segment of a 10,000-segment document.
const foldedChars = new Map<string, string>()

function foldChar(char: string): string {
  let kept = foldedChars.get(char)
  if (kept === undefined) {
    kept = ''
    for (const part of char.toLowerCase().normalize('NFD')) {
      if (part === TATWEEL || NONSPACING_MARK.test(part)) continue
      kept += SPACE_SEPARATOR.test(part) ? ' ' : part
    }
    // Recomposed per character, so that every folded unit still has one origin (a Hangul
    // syllable decomposes into jamo that are letters, not marks, and composes back).
    kept = kept.normalize('NFC')
    foldedChars.set(char, kept)
  }
  return kept
}
