import { strToU8, zipSync } from 'fflate'
import { languageDirection, type TextDirection } from '../../text/index.ts'
import { markedPieces, type TaggedText } from '../../model/index.ts'
import { escapeXmlAttribute, escapeXmlText } from '../xml/index.ts'
import { reviewHeading, reviewLabels } from './labels.ts'
import {
  TABLE_KEY_PREFIX,
  rowKey,
  type ReviewLocale,
  type ReviewRow,
  type ReviewTable,
} from './reviewTable.ts'

/*
 * The review table as a DOCX of our own making: the smallest package Word and LibreOffice open
 * ([Content_Types].xml, the package and document relationships, document.xml, styles.xml),
 * written directly rather than through a library so that we know every element the re-import
 * has to read back. A landscape page, a fixed five-column table whose head row repeats on
 * each page; the target column right to left for a right-to-left language.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const ZIP_EPOCH = Date.UTC(1980, 0, 2)
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml'

/** Column widths in twentieths of a point, on a landscape A4 page with 2 cm margins. */
const COLUMNS = [800, 5300, 5300, 1300, 1900] as const

// Asked for every run: Intl.Locale's maximize() costs ~20 µs, a table of 10,000 rows has 50,000.
const directions = new Map<string, TextDirection>()
function directionOf(lang: string): TextDirection {
  let direction = directions.get(lang)
  if (direction === undefined) {
    direction = languageDirection(lang)
    directions.set(lang, direction)
  }
  return direction
}

/** The language tag Word expects (`kk` alone is not one of its locales). */
function wordLanguage(tag: string): string {
  if (tag === 'kk' || tag === 'kk-Cyrl') return 'kk-KZ'
  if (tag === 'kk-Latn') return 'kk-Latn-KZ'
  return tag
}

function runProperties(lang: string, extra = ''): string {
  const isRtl = directionOf(lang) === 'rtl'
  const language = isRtl
    ? `<w:lang w:bidi="${escapeXmlAttribute(wordLanguage(lang))}"/>`
    : `<w:lang w:val="${escapeXmlAttribute(wordLanguage(lang))}"/>`
  return `<w:rPr>${extra}${isRtl ? '<w:rtl/>' : ''}${language}</w:rPr>`
}

/** Runs of plain text: line breaks and tabs as Word's own elements. */
function textRuns(text: string, properties: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const parts = line
        .split('\t')
        .map((part) => (part ? `<w:t xml:space="preserve">${escapeXmlText(part)}</w:t>` : ''))
        .join('<w:tab/>')
      return `<w:r>${properties}${index > 0 ? '<w:br/>' : ''}${parts}</w:r>`
    })
    .join('')
}

/**
 * A tagged text as runs; each tag a marker in a content control locked against editing, so a
 * reviewer can move text around it but not break it.
 */
function taggedRuns(tagged: TaggedText, lang: string): string {
  const plain = runProperties(lang)
  const tag = runProperties(lang, '<w:rStyle w:val="QalamTag"/>')
  return markedPieces(tagged)
    .map((piece) =>
      piece.kind === 'text'
        ? textRuns(piece.text, plain)
        : `<w:sdt><w:sdtPr><w:tag w:val="qalam-tag"/><w:lock w:val="sdtContentLocked"/></w:sdtPr><w:sdtContent><w:r>${tag}<w:t>${escapeXmlText(piece.marker)}</w:t></w:r></w:sdtContent></w:sdt>`,
    )
    .join('')
}

/**
 * A paragraph in `lang`: right to left for a right-to-left language, and its mark carries the
 * language too, so what a reviewer types into an empty cell is in the right one.
 */
function paragraph(runs: string, lang: string | null, style?: string): string {
  const bidi = lang !== null && directionOf(lang) === 'rtl' ? '<w:bidi/>' : ''
  const styleXml = style ? `<w:pStyle w:val="${style}"/>` : ''
  const mark = lang !== null ? runProperties(lang) : ''
  const properties = bidi || styleXml || mark ? `<w:pPr>${styleXml}${bidi}${mark}</w:pPr>` : ''
  return `<w:p>${properties}${runs}</w:p>`
}

function cell(width: number, content: string, shade?: string): string {
  const shading = shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${shade}"/>` : ''
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${content}</w:tc>`
}

function headRow(locale: ReviewLocale): string {
  const labels = reviewLabels(locale)
  const heads = [labels.number, labels.source, labels.target, labels.status, labels.comment]
  const cells = heads.map((head, index) =>
    cell(
      COLUMNS[index]!,
      paragraph(textRuns(head, runProperties(locale, '<w:b/>')), locale),
      'D9E2F3',
    ),
  )
  return `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`
}

function bodyRow(row: ReviewRow, table: ReviewTable, locale: ReviewLocale): string {
  const labels = reviewLabels(locale)
  const hidden = `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> ${escapeXmlText(rowKey(row))}</w:t></w:r>`
  const number = paragraph(`${textRuns(String(row.number), runProperties('en'))}${hidden}`, null)
  const shade = row.status === 'approved' ? 'E2F0D9' : undefined
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${[
    cell(COLUMNS[0], number, shade),
    cell(COLUMNS[1], paragraph(taggedRuns(row.source, table.sourceLang), table.sourceLang)),
    cell(COLUMNS[2], paragraph(taggedRuns(row.target, table.targetLang), table.targetLang)),
    cell(
      COLUMNS[3],
      paragraph(textRuns(labels.statuses[row.status], runProperties(locale)), locale),
      shade,
    ),
    cell(COLUMNS[4], paragraph(textRuns(row.comment, runProperties(locale)), locale)),
  ].join('')}</w:tr>`
}

function documentXml(table: ReviewTable, locale: ReviewLocale): string {
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')
  const heading = reviewHeading(table, locale)
    .map((line) => paragraph(textRuns(line, runProperties(locale)), locale))
    .join('')
  const key = paragraph(
    `<w:r><w:rPr><w:vanish/></w:rPr><w:t>${escapeXmlText(TABLE_KEY_PREFIX + table.documentId)}</w:t></w:r>`,
    null,
  )
  const grid = COLUMNS.map((width) => `<w:gridCol w:w="${width}"/>`).join('')
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
    paragraph(textRuns(table.title, runProperties(table.sourceLang)), table.sourceLang, 'Title') +
    heading +
    key +
    `<w:tbl><w:tblPr><w:tblStyle w:val="ReviewTable"/><w:tblW w:w="${COLUMNS.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>` +
    headRow(locale) +
    table.rows.map((row) => bodyRow(row, table, locale)).join('') +
    `</w:tbl><w:p/>` +
    `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
    `<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>` +
    `</w:body></w:document>`
  )
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style><w:style w:type="character" w:styleId="QalamTag"><w:name w:val="Qalam Tag"/><w:rPr><w:color w:val="7030A0"/><w:shd w:val="clear" w:color="auto" w:fill="EDE4F5"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="ReviewTable"><w:name w:val="Review Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${DOCX_TYPE}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${DOCX_TYPE}.styles+xml"/></Types>`

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`

/** The DOCX package of a review table, with headings and labels in `locale`. */
export function writeReviewDocx(table: ReviewTable, locale: ReviewLocale): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(PACKAGE_RELS),
      'word/document.xml': strToU8(documentXml(table, locale)),
      'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
      'word/styles.xml': strToU8(STYLES),
    },
    // Zip dates start in 1980; a table dated earlier (a test clock) gets the first one.
    { level: 6, mtime: new Date(Math.max(table.createdAt, ZIP_EPOCH)) },
  )
}

export const DOCX_CONTENT_TYPE = `${DOCX_TYPE}.document`
