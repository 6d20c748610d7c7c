import { stemKazakh } from './stemKazakh.ts'

// Kazakh in Latin script spells the same endings with other letters (кітаптарының is
// kıtaptarynyñ in the 2021 alphabet), so a Latin word is read letter for letter as Cyrillic and
// cut by the Cyrillic rules. The stem is a matching key, never shown: Latin and Cyrillic
// spellings of one word get the same stem, which also lets a term written in one script find
// the other. Letters come folded the Turkish way (I → ı, İ → i; ä ö ü ş ğ ñ ū kept).
//
// The 2021 alphabet is the reference; the acute letters of the 2018 one (á ǵ ń ó ú) and the
// digraphs of older romanisations (sh, ch, zh) read the same way where they are unambiguous.
const LETTERS: Record<string, string> = {
  a: 'а',
  ä: 'ә',
  á: 'ә',
  b: 'б',
  c: 'ц',
  ç: 'ч',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ğ: 'ғ',
  ǵ: 'ғ',
  h: 'х',
  ı: 'і',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ñ: 'ң',
  ń: 'ң',
  o: 'о',
  ö: 'ө',
  ó: 'ө',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  ş: 'ш',
  t: 'т',
  u: 'у',
  ū: 'ұ',
  ü: 'ү',
  ú: 'ү',
  v: 'в',
  w: 'у',
  x: 'х',
  y: 'ы',
  z: 'з',
}
const DIGRAPHS: Record<string, string> = { sh: 'ш', ch: 'ч', zh: 'ж' }

/** A folded Kazakh word in Latin script written in Cyrillic letters, for the Cyrillic stemmer. */
export function kazakhLatinToCyrillic(word: string): string {
  let out = ''
  for (let at = 0; at < word.length; at++) {
    const digraph = DIGRAPHS[word.slice(at, at + 2)]
    if (digraph) {
      out += digraph
      at++
      continue
    }
    const char = word[at]!
    out += LETTERS[char] ?? char
  }
  return out
}

/** The stem of a folded Kazakh word in Latin script: the Cyrillic stem of its Cyrillic reading. */
export function stemKazakhLatin(word: string): string {
  return stemKazakh(kazakhLatinToCyrillic(word))
}
