// Letters that look alike in Cyrillic and Latin, lower case, as a hurried typist or an OCR engine
// swaps them inside a word ("Aлматы" with a Latin A). Kazakh һ and і are drawn like Latin h and
// i, so a Latin h or i inside a Cyrillic word is read as һ or і, never as х or и.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  ə: 'ә',
  ɵ: 'ө',
}
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
)

const MIXED_HINT = /[a-zəɵ][^\s]*[\u0400-\u04ff]|[\u0400-\u04ff][^\s]*[a-zəɵ]/u
const WORD = /[\p{L}\p{M}]+/gu
const LATIN_LETTER = /\p{Script=Latin}/u
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u

/**
 * Rewrites, inside each word that mixes Cyrillic and Latin letters, the look-alike letters of
 * the minority script as the majority script's letters (a tie counts as Cyrillic). Expects lower
 * case; returns a string of the same length, letter for letter, so offsets stay valid. Words in
 * one script, and letters without a look-alike, never change.
 */
export function foldLookalikes(text: string): string {
  if (!MIXED_HINT.test(text)) return text
  return text.replace(WORD, (word) => {
    let latin = 0
    let cyrillic = 0
    for (const char of word) {
      if (LATIN_LETTER.test(char)) latin++
      else if (CYRILLIC_LETTER.test(char)) cyrillic++
    }
    if (latin === 0 || cyrillic === 0) return word
    const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN
    let out = ''
    for (const char of word) out += table[char] ?? char
    return out
  })
}
