/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set([
  'Arab',
  'Hebr',
  'Syrc',
  'Thaa',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Samr',
])

export type TextDirection = 'ltr' | 'rtl'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/**
 * Canonical BCP 47 form of `tag` (`kk-cyrl` → `kk-Cyrl`), or null when the tag is malformed
 * or its language is not one the platform knows (`xx`, `english`).
 */
export function canonicalLanguage(tag: string): string | null {
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] ?? ''
  } catch {
    return null // RangeError: not well-formed BCP 47
  }
  if (!canonical) return null
  const language = new Intl.Locale(canonical).language
  if (languageNames.of(language) === undefined) return null
  return canonical
}

/** ISO 15924 script a language is written in by default (`kk` → `Cyrl`, `ar` → `Arab`). */
export function languageScript(tag: string): string {
  try {
    return new Intl.Locale(tag).maximize().script ?? 'Latn'
  } catch {
    return 'Latn'
  }
}

export function languageDirection(tag: string): TextDirection {
  return RTL_SCRIPTS.has(languageScript(tag)) ? 'rtl' : 'ltr'
}

/** English name of a language tag, for labels and logs. */
export function languageName(tag: string, displayLocale = 'en'): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
