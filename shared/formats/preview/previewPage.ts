import { languageDirection } from '../../text/index.ts'
import { escapeXmlAttribute, escapeXmlText } from '../xml/index.ts'

/*
 * The page a document preview is shown in: our markup only, every text escaped, no scripts, no
 * links out, styles inline. The server sends it with a CSP that allows nothing else, and the
 * client frames it in a sandbox; either alone would keep a hostile document harmless.
 */

export const PREVIEW_LOCALES = ['en', 'ru', 'kk', 'ar'] as const
export type PreviewLocale = (typeof PREVIEW_LOCALES)[number]

/** Words the preview itself prints, in the language of the interface. */
export interface PreviewLabels {
  image: string
  footnotes: string
}

const LABELS: Record<PreviewLocale, PreviewLabels> = {
  en: { image: 'Image', footnotes: 'Footnotes' },
  ru: { image: 'Изображение', footnotes: 'Сноски' },
  kk: { image: 'Сурет', footnotes: 'Сілтемелер' },
  ar: { image: 'صورة', footnotes: 'الحواشي' },
}

export function previewLabels(locale: PreviewLocale): PreviewLabels {
  return LABELS[locale]
}

const STYLE = `body{font-family:"Noto Sans","Noto Naskh Arabic",Arial,sans-serif;line-height:1.5;margin:1.5rem auto;max-width:48rem;padding:0 1rem;color:#1b1b1b}
p{margin:0 0 .6rem;white-space:pre-wrap}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #aaa;padding:.25rem .5rem;vertical-align:top}
.image{display:inline-block;border:1px dashed #888;color:#555;padding:0 .4rem;font-size:.85em}
.footnotes{border-top:1px solid #aaa;margin-top:1.5rem;font-size:.9em}
.untranslated{background:#fff3cd}`

export function escapeHtml(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;')
}

/** A whole preview page around `body` (already escaped HTML), in the target language. */
export function previewPage(title: string, lang: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeXmlAttribute(lang)}" dir="${languageDirection(lang)}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`
}

/** One paragraph of a text preview: its segments' exported texts, in reading order. */
export interface PreviewParagraph {
  text: string
}

/** A text document (plain text, XLIFF, HTML, Markdown) as paragraphs of its exported text. */
export function renderTextPreview(
  title: string,
  lang: string,
  paragraphs: readonly string[],
): string {
  const body = paragraphs
    .filter((text) => text.trim() !== '')
    .map((text) => `<p dir="auto">${escapeHtml(text)}</p>`)
    .join('\n')
  return previewPage(title, lang, body)
}
