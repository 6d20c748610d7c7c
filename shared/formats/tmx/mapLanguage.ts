import { canonicalLanguage } from '../../text/index.ts'

function maximized(tag: string): { language: string; script: string } | null {
  try {
    const locale = new Intl.Locale(tag).maximize()
    return { language: locale.language, script: locale.script ?? '' }
  } catch {
    return null
  }
}

/**
 * Which of `languages` (canonical BCP 47 tags) a TMX variant's `xml:lang` stands for, or null.
 * Case does not matter; an exact tag wins, then the same language in the same script with any
 * region: `kk-KZ` and `kk-Cyrl-KZ` are `kk`, `ar-SA` is `ar`, but `kk-Latn` is not `kk`.
 */
export function mapLanguage(tag: string, languages: readonly string[]): string | null {
  const canonical = canonicalLanguage(tag)
  if (!canonical) return null
  if (languages.includes(canonical)) return canonical
  const wanted = maximized(canonical)
  if (!wanted) return null
  // A region-free tag beats a regional one when several would fit (`kk` over `kk-KZ`).
  const fitting = languages.filter((language) => {
    const candidate = maximized(language)
    return candidate?.language === wanted.language && candidate.script === wanted.script
  })
  return fitting.sort((a, b) => a.length - b.length)[0] ?? null
}
