/** Scripts the workbench tells apart when matching text across languages (ISO 15924). */
export type Script = 'Latn' | 'Cyrl' | 'Arab' | 'Other'

const LATIN = /\p{Script=Latin}/u
const CYRILLIC = /\p{Script=Cyrillic}/u
const ARABIC = /\p{Script=Arabic}/u

/** Script of one character; digits, punctuation and spaces are `Other`. */
export function scriptOfChar(char: string): Script {
  if (LATIN.test(char)) return 'Latn'
  if (CYRILLIC.test(char)) return 'Cyrl'
  if (ARABIC.test(char)) return 'Arab'
  return 'Other'
}

/** The script most letters of `text` are written in, or `Other` when it has no such letters. */
export function dominantScript(text: string): Script {
  const counts: Record<Script, number> = { Latn: 0, Cyrl: 0, Arab: 0, Other: 0 }
  for (const char of text) {
    const script = scriptOfChar(char)
    if (script !== 'Other') counts[script]++
  }
  let best: Script = 'Other'
  let bestCount = 0
  for (const script of ['Latn', 'Cyrl', 'Arab'] as const) {
    if (counts[script] > bestCount) {
      best = script
      bestCount = counts[script]
    }
  }
  return best
}

const ARABIC_INDIC_ZERO = 0x0660
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0

/** Replaces Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits by ASCII digits; nothing else changes, so offsets are kept. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0)
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO
    return String(code - zero)
  })
}
