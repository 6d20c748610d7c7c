import type { LanguageRules } from './types.ts'

// Greek asks with `;` (U+003B, or the Greek question mark U+037E); the raised dot `·` is a clause
// mark. Titles and common abbreviations (`κ.`, `κα`, `π.χ.`, `δηλ.`) keep the sentence whole.
export const el: LanguageRules = {
  neverEndAfter: [
    'κ',
    'Κ',
    'κα',
    'Κα',
    'κκ',
    'δρ',
    'Δρ',
    'καθ',
    'Καθ',
    'π.χ',
    'δηλ',
    'βλ',
    'σελ',
    'σ',
    'αρ',
    'τηλ',
    'οδ',
    'λεωφ',
    'πλ',
    'κεφ',
    'τ',
    'π.Χ',
    'μ.Χ',
  ],
  mayEndAfter: ['κ.λπ', 'κλπ', 'κ.ά', 'κ.τ.λ', 'κτλ', 'etc'],
  ambiguousAfter: ['χλμ', 'εκατ', 'δισ'],
  terminals: '.;\u037e!…',
}
