import { languageDirection } from '../../text/index.ts'
import { markedPieces, type TaggedText } from '../../model/index.ts'
import { escapeXmlAttribute, escapeXmlText } from '../xml/index.ts'
import { reviewHeading, reviewLabels } from './labels.ts'
import { TABLE_KEY_PREFIX, rowKey, type ReviewLocale, type ReviewTable } from './reviewTable.ts'

/*
 * The review table as one self-contained HTML page (styles inline, no scripts, nothing
 * fetched): to print, to mail, or to read in a browser. Each cell carries its language and
 * direction, so Arabic reads right to left in its own column whatever the page's direction.
 */

const STYLE = `body{font-family:"Noto Sans","Noto Naskh Arabic",Arial,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:0 0 .25rem}
.heading p{margin:.1rem 0;color:#444}
table{border-collapse:collapse;width:100%;margin-top:1rem;table-layout:fixed}
th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:start;white-space:pre-wrap}
th{background:#d9e2f3}
col.number{width:4rem}col.status{width:7rem}col.comment{width:12rem}
tr.approved td.status{background:#e2f0d9}
.tag{color:#7030a0;background:#ede4f5;border-radius:3px;padding:0 2px;user-select:all;white-space:nowrap}
@media print{tr{break-inside:avoid}thead{display:table-header-group}}`

function escapeHtml(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;')
}

function languageAttributes(lang: string): string {
  return `lang="${escapeXmlAttribute(lang)}" dir="${languageDirection(lang)}"`
}

function taggedHtml(tagged: TaggedText): string {
  return markedPieces(tagged)
    .map((piece) =>
      piece.kind === 'text'
        ? escapeHtml(piece.text)
        : `<span class="tag" contenteditable="false">${escapeHtml(piece.marker)}</span>`,
    )
    .join('')
}

/** The HTML page of a review table, with headings and labels in `locale`. */
export function writeReviewHtml(table: ReviewTable, locale: ReviewLocale): string {
  const labels = reviewLabels(locale)
  const heading = reviewHeading(table, locale)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')
  const rows = table.rows
    .map(
      (row) =>
        `<tr class="${row.status}" data-key="${escapeXmlAttribute(rowKey(row))}">` +
        `<td class="number">${row.number}</td>` +
        `<td class="source" ${languageAttributes(table.sourceLang)}>${taggedHtml(row.source)}</td>` +
        `<td class="target" ${languageAttributes(table.targetLang)}>${taggedHtml(row.target)}</td>` +
        `<td class="status">${escapeHtml(labels.statuses[row.status])}</td>` +
        `<td class="comment">${escapeHtml(row.comment)}</td></tr>`,
    )
    .join('\n')
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${languageDirection(locale)}">
<head><meta charset="utf-8">
<meta name="qalam-review" content="${escapeXmlAttribute(TABLE_KEY_PREFIX + table.documentId)}">
<title>${escapeHtml(table.title)}</title>
<style>${STYLE}</style></head>
<body>
<header class="heading"><h1 ${languageAttributes(table.sourceLang)}>${escapeHtml(table.title)}</h1>${heading}</header>
<table>
<colgroup><col class="number"><col class="source"><col class="target"><col class="status"><col class="comment"></colgroup>
<thead><tr><th>${escapeHtml(labels.number)}</th><th>${escapeHtml(labels.source)}</th><th>${escapeHtml(labels.target)}</th><th>${escapeHtml(labels.status)}</th><th>${escapeHtml(labels.comment)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`
}
