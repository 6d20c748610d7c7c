import { arabicStemVariants, stemArabic } from './stemArabic.ts'
import { stemKazakh } from './stemKazakh.ts'
import { stemRussian } from './stemRussian.ts'

type Stemmer = (word: string) => string

// Kazakh in Latin script has its own spelling of every ending; until it has a stemmer, its
// words are compared whole (folded) rather than cut with Cyrillic rules.
function stemmerFor(lang: string): Stemmer | null {
  const lower = lang.toLowerCase()
  if (lower.startsWith('kk-latn')) return null
  const language = lower.split('-')[0]
  if (language === 'kk') return stemKazakh
  if (language === 'ru') return stemRussian
  if (language === 'ar') return stemArabic
  return null
}

/**
 * The matching stem of one word already folded by `foldText(word, lang)`, by the rules of
 * `lang` (Kazakh Cyrillic, Russian, Arabic); the word itself in languages without a stemmer.
 */
export function stemWord(folded: string, lang: string): string {
  const stemmer = stemmerFor(lang)
  return stemmer ? stemmer(folded) : folded
}

/**
 * Every stem a folded word may be looked up by: `stemWord(folded, lang)` first, then, for
 * Arabic, the stem without a joined preposition or conjunction (بمكتبه → مكتب) that the main
 * stem keeps because many roots begin with those letters. For terms and concordance.
 */
export function stemKeys(folded: string, lang: string): string[] {
  if (stemmerFor(lang) === stemArabic) return arabicStemVariants(folded)
  return [stemWord(folded, lang)]
}
