import type { LanguageRules } from './types.ts'

// Persian ends sentences with `.`, `؟` and `!`; `،` and `؛` are clause marks. The script is
// caseless, so only an abbreviation's own period (the era marks `ه.ش.`, `ه.ق.`, `ق.م.`, the Latin
// titles of bilingual text) keeps a sentence whole.
export const fa: LanguageRules = {
  neverEndAfter: ['ص', 'ج', 'ش', 'د', 'Dr', 'Mr'],
  mayEndAfter: ['ه.ش', 'ه.ق', 'ق.م', 'م.ق', 'غیره', 'etc'],
}
