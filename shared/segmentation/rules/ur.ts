import type { LanguageRules } from './types.ts'

// Urdu ends sentences with the Urdu full stop `۔`, with `؟` and `!`; `،` and `؛` are clause marks.
// Abbreviations with a period are rare: Latin titles in bilingual text, and single letters
// (initials), which the engine keeps whole.
export const ur: LanguageRules = {
  neverEndAfter: ['Dr', 'Mr', 'Mrs', 'Prof'],
  mayEndAfter: ['etc'],
}
