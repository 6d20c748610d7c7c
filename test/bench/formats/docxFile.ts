import { strToU8 } from 'fflate'
import { writeZip } from '@qalam/shared/formats'

/*
 * A generated 300-page Word document for `npm run bench -- formats`: per page, eight
 * paragraphs of three sentences with bold, italic, a link and a footnote reference, and
 * every third page a 4×3 table. About 10,000 segments, body and footnotes together.
 */

const PAGES = 300
const PARAGRAPHS_PER_PAGE = 8
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const run = (text: string, rPr = '') =>
  `<w:r w:rsidR="00A1B2C3">${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`

export function benchDocx(): { bytes: Uint8Array; pages: number; documentXmlChars: number } {
  const body: string[] = []
  const notes: string[] = []
  let note = 0
  for (let page = 1; page <= PAGES; page++) {
    for (let index = 1; index <= PARAGRAPHS_PER_PAGE; index++) {
      note++
      notes.push(
        `<w:footnote w:id="${note}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(` Source ${note}: the archive of the region, fund ${page}.`)}</w:p></w:footnote>`,
      )
      body.push(
        `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${run(`Paragraph ${index} of page ${page} tells how the `)}${run('archive', '<w:b/>')}${run(' kept its letters for a century. ')}` +
          `${run('Scholars')}${run(' visited', '<w:i/>')}${run(' it every year, and ')}<w:hyperlink r:id="rIdLink">${run('the catalogue', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>${run(' lists them all.')}` +
          `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${note}"/></w:r>${run(' The rest is in the appendix.')}</w:p>`,
      )
    }
    if (page % 3 === 0) {
      const cell = (text: string) =>
        `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p>${run(text)}</w:p></w:tc>`
      const rows = Array.from(
        { length: 4 },
        (_, row) =>
          `<w:tr>${cell(`Fund ${page}.${row}`)}${cell(`${1850 + row} year`)}${cell('Letters and notes')}</w:tr>`,
      )
      body.push(
        `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>${rows.join('')}</w:tbl>`,
      )
    }
    body.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="${W}" xmlns:r="${R}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${notes.join('')}</w:footnotes>`
  const files: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      'word/_rels/document.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdNotes" Type="${R}/footnotes" Target="footnotes.xml"/><Relationship Id="rIdLink" Type="${R}/hyperlink" Target="https://example.com/catalogue" TargetMode="External"/></Relationships>`,
    ],
    ['word/document.xml', document],
    ['word/footnotes.xml', footnotes],
  ]
  const bytes = writeZip(files.map(([name, text]) => ({ kind: 'new', name, data: strToU8(text) })))
  return { bytes, pages: PAGES, documentXmlChars: document.length }
}
