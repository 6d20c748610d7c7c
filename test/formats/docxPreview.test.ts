import { strFromU8, unzipSync } from 'fflate'
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'
import { expect, test } from 'vitest'
import { previewLabels, renderDocxPreview } from '@qalam/shared/formats'

/*
 * The preview's DOCX renderer against files the `docx` package writes (as Word would), so that
 * it reads real WordprocessingML, not only our own review tables.
 */

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAHnOcQAAAAABJRU5ErkJggg==',
    'base64',
  ),
)

async function partsOf(document: Document) {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)))
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined)
  return {
    document: text('word/document.xml')!,
    styles: text('word/styles.xml'),
    numbering: text('word/numbering.xml'),
    footnotes: text('word/footnotes.xml'),
  }
}

test('renders headings, run formats, lists, tables, footnotes and images of a Word file', async () => {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('Сілтеме мәтіні.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Мұрағат', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: 'қалың', bold: true }),
              new TextRun(' '),
              new TextRun({ text: 'көлбеу', italics: true }),
              new TextRun(' '),
              new TextRun({ text: 'асты', underline: {} }),
              new TextRun({ text: '2', superScript: true }),
              new TextRun({ text: 'i', subScript: true }),
              new TextRun({ text: ' қызыл', color: 'FF0000' }),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'Бірінші қадам', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Екінші қадам', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Белгі', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('А1')] }),
                  new TableCell({ children: [new Paragraph('Б1')] }),
                ],
              }),
              new TableRow({
                children: [new TableCell({ columnSpan: 2, children: [new Paragraph('Бірге')] })],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: PNG,
                transformation: { width: 10, height: 10 },
              }),
            ],
          }),
          new Paragraph({
            bidirectional: true,
            children: [new TextRun({ text: 'مرحبا', rightToLeft: true })],
          }),
        ],
      },
    ],
  })
  const html = renderDocxPreview(await partsOf(document), 'Мұрағат', 'kk', previewLabels('kk'))
  expect(html).toContain('<html lang="kk" dir="ltr">')
  expect(html).toContain('<h1>Мұрағат</h1>')
  expect(html).toContain(
    '<p style="text-align:center"><strong>қалың</strong> <em>көлбеу</em> <u>асты</u><sup>2</sup><sub>i</sub><span style="color:#FF0000"> қызыл</span>',
  )
  expect(html).toContain('<ol><li>Бірінші қадам</li><li>Екінші қадам</li></ol>')
  expect(html).toContain('<ul><li>Белгі</li></ul>')
  expect(html).toContain('<td><p>А1</p></td><td><p>Б1</p></td>')
  expect(html).toContain('<td colspan="2"><p>Бірге</p></td>')
  expect(html).toContain('<span class="image">Сурет</span>')
  expect(html).toContain('<p dir="rtl">مرحبا</p>')
  // Footnotes come at the end, numbered in the order the text refers to them.
  expect(html).toMatch(/<sup><a href="#footnote-1" id="footnote-ref-1">1<\/a><\/sup>/)
  expect(html).toMatch(
    /<section class="footnotes"><h2>Сілтемелер<\/h2><ol><li id="footnote-1">Сілтеме мәтіні\.<\/li><\/ol><\/section>/,
  )
})

test('hostile text stays text: markup in runs is escaped and links lead nowhere', async () => {
  const document = new Document({
    sections: [
      {
        children: [new Paragraph('<script>alert(1)</script><img src=x onerror=alert(2)>')],
      },
    ],
  })
  const html = renderDocxPreview(await partsOf(document), '<b>t</b>', 'en', previewLabels('en'))
  expect(html).not.toContain('<script>')
  expect(html).not.toContain('<img')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(html).toContain('<title>&lt;b&gt;t&lt;/b&gt;</title>')
})

test('a document part with a DTD is refused', () => {
  expect(() =>
    renderDocxPreview(
      { document: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' },
      't',
      'en',
      previewLabels('en'),
    ),
  ).toThrow(expect.objectContaining({ code: 'dtd' }) as Error)
})
