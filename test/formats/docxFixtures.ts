import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
} from 'docx'
import { strToU8 } from 'fflate'
import { writeZip } from '@qalam/shared/formats'

/*
 * DOCX fixtures made in the test: a rich document from the `docx` package (formatting, links,
 * notes, headers and footers, lists, nested tables, a text box, fields, comments, an image),
 * and hand-written minimal packages for what that package does not write (Strict OOXML,
 * tracked changes, content controls, complex fields, odd entry orders, hostile content).
 */

/** A 1×1 transparent PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  ),
  (char) => char.charCodeAt(0),
)

/** The rich document, in English. */
export async function richDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    comments: {
      children: [{ id: 0, author: 'Editor', children: [new Paragraph('Check this term.')] }],
    },
    footnotes: { 1: { children: [new Paragraph('A footnote with its own sentence.')] } },
    endnotes: { 1: { children: [new Paragraph('An endnote.')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('The running header')] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun('A short title')],
          }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun('Plain text with '),
              new TextRun({ text: 'bold', bold: true }),
              new TextRun(', '),
              new TextRun({ text: 'italic', italics: true }),
              new TextRun(', '),
              new TextRun({ text: 'underlined', underline: {} }),
              new TextRun(' and '),
              new TextRun({ text: 'red', color: 'FF0000' }),
              new TextRun(' words. Water is H'),
              new TextRun({ text: '2', subScript: true }),
              new TextRun('O and E equals mc'),
              new TextRun({ text: '2', superScript: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('Visit '),
              new ExternalHyperlink({
                link: 'https://example.com/',
                children: [new TextRun({ text: 'our site', style: 'Hyperlink' })],
              }),
              new TextRun(' today.'),
              new FootnoteReferenceRun(1),
              new TextRun(' A second sentence follows'),
              new EndnoteReferenceRun(1),
              new TextRun('.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('Before a tab'),
              new TextRun({ children: [new Tab(), 'after it.'] }),
              new TextRun(' A line'),
              new TextRun({ text: 'then another.', break: 1 }),
            ],
          }),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('A commented phrase stays.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Paragraph({
            children: [
              new Bookmark({ id: 'anchor', children: [new TextRun('Bookmarked words')] }),
              new TextRun(' and the rest.'),
            ],
          }),
          new Paragraph({
            text: 'First bullet item.',
            numbering: { reference: 'bullets', level: 0 },
          }),
          new Paragraph({
            text: 'Second bullet item.',
            numbering: { reference: 'bullets', level: 0 },
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Cell one'), cell('Cell two')] }),
              new TableRow({
                children: [
                  cell('Cell three'),
                  new TableCell({
                    children: [
                      new Table({ rows: [new TableRow({ children: [cell('Nested cell')] })] }),
                      new Paragraph(''),
                    ],
                  }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('An image '),
              new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } }),
              new TextRun(' in a sentence.'),
            ],
          }),
          new Paragraph({
            children: [new SimpleField('AUTHOR', 'Jane Doe'), new TextRun(' wrote this.')],
          }),
          new Textbox({
            style: { width: '200pt', height: '50pt' },
            children: [new Paragraph('Text in a box.')],
          }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph('The last paragraph.'),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** Namespaces of a minimal package, Transitional or Strict. */
export const TRANSITIONAL = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  officeDocument:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  rels: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
}
export const STRICT = {
  w: 'http://purl.oclc.org/ooxml/wordprocessingml/main',
  r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  officeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  rels: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
}

export interface MinimalOptions {
  /** The body's content (paragraphs, tables) as WordprocessingML with the `w:` prefix. */
  body: string
  namespaces?: typeof TRANSITIONAL
  /** Where the main part lives. */
  mainName?: string
  /** The main part's content type. */
  mainType?: string
  /** Extra entries; the order of the whole list is shuffled when `reversed`. */
  extra?: Array<[string, string | Uint8Array]>
  reversed?: boolean
  /** Text before the root element (a DOCTYPE, say). */
  prolog?: string
}

/** A hand-written package with one main part: the smallest a Word reader accepts. */
export function minimalDocx(options: MinimalOptions): Uint8Array {
  const ns = options.namespaces ?? TRANSITIONAL
  const mainName = options.mainName ?? 'word/document.xml'
  const mainType =
    options.mainType ??
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
  const files: Array<[string, string | Uint8Array]> = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${mainName}" ContentType="${mainType}"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns.officeDocument}" Target="/${mainName}"/></Relationships>`,
    ],
    [
      mainName,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${options.prolog ?? ''}<w:document xmlns:w="${ns.w}" xmlns:r="${ns.r}"><w:body>${options.body}<w:sectPr/></w:body></w:document>`,
    ],
    ...(options.extra ?? []),
  ]
  if (options.reversed) files.reverse()
  return writeZip(
    files.map(([name, data]) => ({
      kind: 'new',
      name,
      data: typeof data === 'string' ? strToU8(data) : data,
    })),
  )
}

/** A paragraph of one plain run. */
export function plainParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

/**
 * A reversible stand-in for a translation that keeps sentence boundaries where they were:
 * ROT13 on Latin letters (case, digits, spaces and punctuation unchanged).
 */
export function rot13(text: string): string {
  return text.replace(/[a-zA-Z]/g, (char) => {
    const base = char <= 'Z' ? 65 : 97
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base)
  })
}

const run = (inner: string, rPr = '') => `<w:r>${rPr && `<w:rPr>${rPr}</w:rPr>`}${inner}</w:r>`
const fieldChar = (type: 'begin' | 'separate' | 'end', rPr = '') =>
  run(`<w:fldChar w:fldCharType="${type}"/>`, rPr)
const instr = (code: string) => run(`<w:instrText xml:space="preserve">${code}</w:instrText>`)
const text = (words: string, rPr = '') => run(`<w:t xml:space="preserve">${words}</w:t>`, rPr)
const paragraph = (content: string, style = '') =>
  `<w:p>${style && `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`}${content}</w:p>`

const HIDDEN = '<w:noProof/><w:webHidden/>'
/** An entry as Word writes a table of contents with `\h`: a link holding a PAGEREF field. */
const tocEntry = (anchor: string, title: string, page: string) =>
  `<w:hyperlink w:anchor="${anchor}" w:history="1">` +
  text(title, '<w:rStyle w:val="Hyperlink"/><w:noProof/>') +
  run('<w:tab/>', HIDDEN) +
  fieldChar('begin', HIDDEN) +
  instr(` PAGEREF ${anchor} \\h `) +
  fieldChar('separate', HIDDEN) +
  text(page, HIDDEN) +
  fieldChar('end', HIDDEN) +
  '</w:hyperlink>'

/**
 * Complex fields as Word writes them: a table of contents in an `sdt` (entries are links
 * holding PAGEREF fields, the end in a paragraph of its own), a mail-merge IF whose code runs
 * over three paragraphs with nested fields, and SEQ, REF, HYPERLINK and simple fields.
 */
export const FIELDS_BODY =
  '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' +
  paragraph(text('Contents'), 'TOCHeading') +
  paragraph(
    fieldChar('begin') +
      instr(' TOC \\o "1-3" \\h \\z \\u ') +
      fieldChar('separate') +
      tocEntry('_Toc1', 'Introduction', '1'),
    'TOC1',
  ) +
  paragraph(tocEntry('_Toc2', 'Why fields matter', '2'), 'TOC2') +
  paragraph(tocEntry('_Toc3', 'Conclusion', '3'), 'TOC1') +
  paragraph(fieldChar('end', '<w:b/>')) +
  '</w:sdtContent></w:sdt>' +
  // The IF's code holds paragraph marks and nested fields, whose results ("2", "Aigerim") are code too.
  paragraph(
    fieldChar('begin') +
      instr(' IF ') +
      fieldChar('begin') +
      instr(' MERGEFIELD Count ') +
      fieldChar('separate') +
      text('2') +
      fieldChar('end') +
      instr(' > 1 "Dear friends,'),
  ) +
  paragraph(
    instr('We thank you all." "Dear ') +
      fieldChar('begin') +
      instr(' MERGEFIELD Name ') +
      fieldChar('separate') +
      text('Aigerim') +
      fieldChar('end') +
      instr(',') +
      fieldChar('separate') +
      text('Dear friends,'),
  ) +
  paragraph(text('We thank you all.') + fieldChar('end') + text(' The letter goes on.')) +
  paragraph(
    text('Figure ') +
      fieldChar('begin') +
      instr(' SEQ Figure \\* ARABIC ') +
      fieldChar('separate') +
      text('1') +
      fieldChar('end') +
      text(': A map of the steppe. See ') +
      fieldChar('begin') +
      instr(' REF _Ref5 \\h ') +
      fieldChar('separate') +
      text('Table 2') +
      fieldChar('end') +
      text(' and ') +
      fieldChar('begin') +
      instr(' HYPERLINK "https://example.org/atlas" ') +
      fieldChar('separate') +
      text('the atlas', '<w:rStyle w:val="Hyperlink"/>') +
      fieldChar('end') +
      text(' of ') +
      `<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT ">${text('12')}</w:fldSimple>` +
      text(' pages.'),
  )
