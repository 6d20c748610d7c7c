/*
 * Fonts for Kazakh text. A font of the Windows-1251 era has no Kazakh letters
 * (ә ғ қ ң ө ұ ү һ і), so a Kazakh translation set in one shows boxes or a stray fallback
 * font. Text takes its font from the run, its style, the document defaults, or the theme
 * (`w:asciiTheme="minorHAnsi"` and its kin name the theme's major or minor font, and win over
 * a font named beside them), so each of those places is fixed where it names such a font.
 */

/**
 * Fonts known to lack the Kazakh letters, with a replacement that has them. They are the
 * 8-bit Cyrillic fonts of the Windows-1251 era (their code page has no Kazakh letters) and
 * the "Kz" fonts that drew Kazakh letters over other code points, which Unicode text does not
 * use. Matched without regard to letter case.
 */
export const KAZAKH_FONT_REPLACEMENTS: Readonly<Record<string, string>> = {
  'times new roman cyr': 'Times New Roman',
  'arial cyr': 'Arial',
  'courier new cyr': 'Courier New',
  'kz times new roman': 'Times New Roman',
  'kz arial': 'Arial',
  'kz courier new': 'Courier New',
  baltica: 'Arial',
  pragmatica: 'Arial',
  journal: 'Times New Roman',
  academy: 'Times New Roman',
  kudriashov: 'Times New Roman',
  'ms sans serif': 'Arial',
  'ms serif': 'Times New Roman',
}

/**
 * Markup with every `rFonts` attribute naming a font that lacks the Kazakh letters set to its
 * replacement; everything else unchanged (the style definitions and their document defaults).
 */
export function replaceKazakhFonts(markup: string): string {
  return markup.replace(/<([\w.-]+:)?rFonts\b[^>]*>/g, (tag) =>
    tag.replace(/(=\s*")([^"]*)"/g, (whole, start: string, value: string) => {
      const replacement = KAZAKH_FONT_REPLACEMENTS[value.toLowerCase()]
      return replacement ? `${start}${replacement}"` : whole
    }),
  )
}

/** Theme font elements: the latin, East Asian and complex-script fonts, and per-script ones. */
const THEME_FONT = /<([\w.-]+:)?(latin|ea|cs|font)\b[^>]*>/g
/** What describes the font a theme names, stale once another is named. */
const FONT_DESCRIPTION = /\s(panose|pitchFamily|charset)\s*=\s*("[^"]*"|'[^']*')/g

/**
 * A theme part (`word/theme/theme1.xml`) with every major or minor font that lacks the Kazakh
 * letters set to its replacement, the old font's description (panose, pitch, charset) dropped
 * from those; everything else unchanged.
 */
export function replaceKazakhThemeFonts(markup: string): string {
  return markup.replace(THEME_FONT, (tag) => {
    const typeface = /\stypeface\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag)
    const replacement =
      typeface && KAZAKH_FONT_REPLACEMENTS[(typeface[1] ?? typeface[2]!).toLowerCase()]
    if (!typeface || !replacement) return tag
    return tag.replace(typeface[0], ` typeface="${replacement}"`).replace(FONT_DESCRIPTION, '')
  })
}
