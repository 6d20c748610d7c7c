import { arabicStemVariants, stemArabic } from './stemArabic.ts'
import { stemKazakh } from './stemKazakh.ts'
import { stemKazakhLatin } from './stemKazakhLatin.ts'
import { stemRussian } from './stemRussian.ts'

type Stemmer = (word: string) => string

function stemmerFor(lang: string): Stemmer | null {
  const lower = lang.toLowerCase()
  if (lower.startsWith('kk-latn')) return stemKazakhLatin
  const language = lower.split('-')[0]
  if (language === 'kk') return stemKazakh
  if (language === 'ru') return stemRussian
  if (language === 'ar') return stemArabic
  return null
}

/**
 * The matching stem of one word already folded by `foldText(word, lang)`, by the rules of
 * `lang` (Kazakh in Cyrillic or Latin script, Russian, Arabic); the word itself in languages
 * without a stemmer.
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
