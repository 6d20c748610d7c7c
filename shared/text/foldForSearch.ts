import { foldLookalikes } from './lookalikes.ts'

/**
 * Text folded for matching: what find, translation memory, terminology and QA compare instead of
 * the text itself. `text` is the folded string; `origins[i]` is the UTF-16 offset in the
 * original string of the character that produced `text[i]`, so a match found in the folded text
 * can be highlighted in the original.
 */
export interface FoldedText {
  text: string
  origins: readonly number[]
}

// Nonspacing marks: Latin and Cyrillic accents (й, ё fold to и, е as Russian readers expect),
// Arabic harakat, shadda, sukun, the superscript alef U+0670 and the hamza written above or
// below an alef (أ إ آ → ا).
const NONSPACING_MARK = /\p{Mn}/u
const TATWEEL = '\u0640'
const SPACE_SEPARATOR = /\p{Zs}/u
const LATIN_LETTER = /\p{Script=Latin}/u

// Letters and signs that differ in spelling habit rather than meaning, after decomposition:
// alef wasla, alif maqsura and Persian yeh and keheh as typed on Persian keyboards, ta marbuta
// (written ه by many hands, as Lucene's ArabicNormalizer also folds it), Arabic punctuation, and
// Arabic-Indic and Extended Arabic-Indic digits.
const SPELLING_VARIANTS: Record<string, string> = {
  '\u0671': 'ا', // ٱ
  '\u0649': 'ي', // ى
  '\u06cc': 'ي', // ی
  '\u06a9': 'ك', // ک
  '\u0629': 'ه', // ة
  '\u060c': ',', // ،
  '\u061b': ';', // ؛
  '\u061f': '?', // ؟
}
for (let digit = 0; digit < 10; digit++) {
  SPELLING_VARIANTS[String.fromCharCode(0x0660 + digit)] = String(digit)
  SPELLING_VARIANTS[String.fromCharCode(0x06f0 + digit)] = String(digit)
}

// Languages written in a Latin alphabet with Turkish-style i (I ı and İ i are two letters) and
// whose accented Latin letters are letters of their own (ä ö ü ş ğ ñ ū), not accents to ignore.
const TURKIC_LATIN = new Set(['tr', 'az', 'kk-latn', 'crh', 'tt-latn', 'uz-latn'])

function isTurkicLatin(lang: string | undefined): boolean {
  if (!lang) return false
  const lower = lang.toLowerCase()
  return TURKIC_LATIN.has(lower) || TURKIC_LATIN.has(lower.split('-').slice(0, 2).join('-'))
}

/**
 * Folds `text` for comparison: lower case (Turkish-style I/ı, İ/i when `lang` is Turkish,
 * Azerbaijani or Kazakh in Latin script, never for Kazakh Cyrillic), each character decomposed
 * with its nonspacing marks and the Arabic tatweel dropped and composed again (NFC), Arabic
 * spelling variants, punctuation and digits folded (ٱ → ا, ى → ي, ة → ه, ، → ,, ٣ → 3), every
 * space separator read as a plain space, and Latin look-alikes inside Cyrillic words read as
 * Cyrillic (and the reverse). Letters without a decomposition stay themselves, so the Kazakh
 * ә ғ қ ң ө ұ ү һ і never fold into а г к н о у х и. Never changes what it was given.
 */
export function foldForSearch(text: string, lang?: string): FoldedText {
  const turkic = isTurkicLatin(lang)
  let folded = ''
  const origins: number[] = []
  let offset = 0
  for (const char of text) {
    const kept = foldChar(char, turkic)
    folded += kept
    for (let unit = 0; unit < kept.length; unit++) origins.push(offset)
    offset += char.length
  }
  return { text: foldLookalikes(folded), origins }
}

/** `foldForSearch(text, lang).text`: the folded string alone, for comparing and indexing. */
export function foldText(text: string, lang?: string): string {
  const turkic = isTurkicLatin(lang)
  let folded = ''
  for (const char of text) folded += foldChar(char, turkic)
  return foldLookalikes(folded)
}

// A text has a few hundred distinct characters at most, so each is folded once: a search
// folds every segment of a 10,000-segment document, and a memory a million units.
const foldedChars = new Map<string, string>()
const foldedTurkicChars = new Map<string, string>()

function foldChar(char: string, turkic: boolean): string {
  const cache = turkic ? foldedTurkicChars : foldedChars
  let kept = cache.get(char)
  if (kept === undefined) {
    kept = turkic ? foldTurkicChar(char) : foldPlainChar(char)
    cache.set(char, kept)
  }
  return kept
}

function foldPlainChar(char: string): string {
  let kept = ''
  for (const part of char.toLowerCase().normalize('NFD')) {
    if (part === TATWEEL || NONSPACING_MARK.test(part)) continue
    kept += SPACE_SEPARATOR.test(part) ? ' ' : (SPELLING_VARIANTS[part] ?? part)
  }
  // Recomposed per character, so that every folded unit still has one origin (a Hangul
  // syllable decomposes into jamo that are letters, not marks, and composes back).
  return kept.normalize('NFC')
}

function foldTurkicChar(char: string): string {
  if (char === 'I') return 'ı'
  if (char === 'İ') return 'i'
  if (char === 'i' || char === 'ı') return char
  // Accented Latin letters are letters of their own alphabet here: keep them, composed.
  if (LATIN_LETTER.test(char)) return char.toLowerCase().normalize('NFC')
  return foldPlainChar(char)
}
