import type { LanguageRules } from './types.ts'

// Armenian ends a sentence with the full stop `։` (verjaket; keyboards often type the colon `:` for
// it). The question and exclamation marks `՞ ՜` sit over a vowel inside the last word, so the
// sentence still ends with `։`; the period-like mijaket `.` is a pause inside the sentence, and
// abbreviations (`թ.`, `մ.թ.ա.`) use it too, so it never ends one.
export const hy: LanguageRules = {
  neverEndAfter: [],
  mayEndAfter: [],
  terminals: '։:?!…',
}
