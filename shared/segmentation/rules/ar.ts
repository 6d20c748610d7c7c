import type { LanguageRules } from './types.ts'

// Arabic writes few abbreviations with a period; these are the common ones (titles, units,
// dates). Single letters (د. for doctor, م. for the Gregorian year) are covered by the
// engine's initials rule.
export const ar: LanguageRules = {
  neverEndAfter: [
    'د',
    'م',
    'هـ',
    'ص',
    'ج',
    'ق',
    'أ',
    'أ.د',
    'م.م',
    'ت',
    'ش',
    'ح',
    'Dr',
    'Mr',
    'No',
  ],
  mayEndAfter: ['إلخ', 'الخ', 'ق.م', 'etc'],
}
