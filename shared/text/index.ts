export { countWords } from './countWords.ts'
export {
  canonicalLanguage,
  languageDirection,
  languageName,
  languageScript,
  type TextDirection,
} from './language.ts'
export { dominantScript, normalizeDigits, scriptOfChar, type Script } from './script.ts'
export { consonantSkeleton, kazakhCyrillicToLatin, toLatin } from './transliterate.ts'
export { foldForSearch, foldText, type FoldedText } from './foldForSearch.ts'
export { foldLookalikes } from './lookalikes.ts'
export { stemWord, stemKeys } from './stemWord.ts'
export { stemKazakh } from './stemKazakh.ts'
export { stemRussian } from './stemRussian.ts'
export { stemArabic, arabicStemVariants } from './stemArabic.ts'
export { diffWords, type DiffPart } from './diffWords.ts'
export { detectLanguage, type LanguageMismatch } from './detectLanguage.ts'
export { Utf8Chunks, concatBytes } from './utf8Chunks.ts'
