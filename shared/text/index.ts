export { countWords } from './countWords.ts'
export {
  canonicalLanguage,
  languageDirection,
  languageName,
  languageScript,
  type TextDirection,
} from './language.ts'
