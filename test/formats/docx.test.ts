import { describe, expect, test } from 'vitest'
import {
  DocxError,
  KAZAKH_FONT_REPLACEMENTS,
  ZipError,
  parseDocx,
  readZip,
  scanXml,
  writeDocx,
  type DocxTargetSegment,
  type XmlElement,
  type ZipArchive,
} from '@qalam/shared/formats'
import type { SegmentInit } from '@qalam/shared/model'
import { STRICT, minimalDocx, plainParagraph, richDocx, rot13 } from './docxFixtures.ts'

/*
 * DOCX read into segments and written back: what becomes text and what a tag, run merging,
 * fields, tracked changes, Strict OOXML, and the export's promises (only the parts written
 * change, the file opens, formatting and direction are where they should be).
 */

const WRITTEN = /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/

function translated(segments: readonly SegmentInit[], transform = rot13): DocxTargetSegment[] {
  return segments.map((segment) => ({
    paragraph: segment.paragraph,
    source: segment.source,
    tags: segment.tags ?? [],
    target: { text: transform(segment.source), tags: [...(segment.sourceTags ?? [])] },
  }))
}

function part(archive: ZipArchive, name: string): string {
  return archive.readText(archive.entry(name)!)
}

function sources(bytes: Uint8Array): string[] {
  return parseDocx(bytes, { lang: 'en' }).segments.map((segment) => segment.source)
}

/** The first element under `root` (itself included) that `matches`, depth first. */
function find(root: XmlElement, matches: (element: XmlElement) => boolean): XmlElement | undefined {
  if (matches(root)) return root
  for (const child of root.children) {
    const found = child.kind === 'element' ? find(child, matches) : undefined
    if (found) return found
  }
  return undefined
}

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof DocxError || error instanceof ZipError) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

describe('reading a DOCX', () => {
  test('cuts paragraphs of every part into sentences, formatting and codes as tags', async () => {
    const parsed = parseDocx(await richDocx(), { lang: 'en' })
    const bySource = new Map(parsed.segments.map((segment) => [segment.source, segment]))
    expect([...bySource.keys()]).toEqual(
      expect.arrayContaining([
        'A short title',
        'Plain text with bold, italic, underlined and red words.',
        'Water is H2O and E equals mc2.',
        'Visit our site today.',
        'A second sentence follows.',
        'Cell one',
        'Nested cell',
        'Text in a box.',
        'A footnote with its own sentence.',
        'An endnote.',
        'The running header',
        'First bullet item.',
        'Jane Doe wrote this.',
        'A commented phrase stays.',
        'Bookmarked words and the rest.',
      ]),
    )
    // Comments are not translated.
    expect(bySource.has('Check this term.')).toBe(false)
    const labels = (source: string) =>
      (bySource.get(source)?.tags ?? [])
        .filter((tag) => tag.kind !== 'close')
        .map((tag) => tag.label)
    expect(labels('Plain text with bold, italic, underlined and red words.')).toEqual([
      'bold',
      'italic',
      'underline',
      'colour',
    ])
    expect(labels('Water is H2O and E equals mc2.')).toEqual(['subscript', 'superscript'])
    expect(labels('Visit our site today.')).toEqual(['link', 'footnote'])
    expect(labels('A second sentence follows.')).toEqual(['endnote'])
    expect(labels('An image  in a sentence.')).toEqual(['image'])
    expect(labels('Jane Doe wrote this.')).toEqual(['field'])
    // Bookmarks and comment anchors are no tags, and plain paragraphs have none.
    expect(labels('Bookmarked words and the rest.')).toEqual([])
    expect(labels('A commented phrase stays.')).toEqual([])
    expect(labels('A short title')).toEqual([])
    // A break ends a sentence even without a space; the break goes with the line it ends.
    expect(bySource.get('A line')?.tags?.map((tag) => tag.label)).toEqual(['break'])
    expect(bySource.get('then another.')).toBeDefined()
  })

  test('a comment range and a bookmark stay with the sentence they were on', () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">First sentence here. </w:t></w:r>' +
      '<w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve">Second </w:t></w:r>' +
      '<w:bookmarkStart w:id="1" w:name="mark"/><w:r><w:t>sentence here.</w:t></w:r>' +
      '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>' +
      '<w:r><w:t xml:space="preserve"> Third sentence here.</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>'
    const bytes = minimalDocx({ body })
    const parsed = parseDocx(bytes, { lang: 'en' })
    expect(parsed.segments.map((segment) => segment.source)).toEqual([
      'First sentence here.',
      'Second sentence here.',
      'Third sentence here.',
    ])
    const xml = part(
      readZip(writeDocx(bytes, translated(parsed.segments), 'de')),
      'word/document.xml',
    )
    const order = [
      'Svefg',
      '<w:commentRangeStart w:id="5"/>',
      '<w:bookmarkStart w:id="1" w:name="mark"/>',
      'Frpbaq',
      '<w:commentRangeEnd w:id="5"/>',
      '<w:commentReference w:id="5"/>',
      'Guveq',
      '<w:bookmarkEnd w:id="1"/>',
    ].map((piece) => xml.indexOf(piece))
    expect(order.every((at) => at > -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  test('merges runs Word split for revision ids, proofing marks, language or bookmarks', () => {
    const body =
      '<w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t>Bold </w:t></w:r><w:proofErr w:type="spellStart"/>' +
      '<w:r w:rsidR="00B2"><w:rPr><w:b/><w:lang w:val="en-GB"/></w:rPr><w:t>wurds</w:t></w:r><w:proofErr w:type="spellEnd"/>' +
      '<w:bookmarkStart w:id="0" w:name="x"/><w:r w:rsidRPr="00C3"><w:rPr><w:b/><w:noProof/></w:rPr><w:t xml:space="preserve"> here</w:t></w:r><w:bookmarkEnd w:id="0"/>' +
      '<w:r><w:t xml:space="preserve"> and more </w:t></w:r><w:r><w:t>plain words.</w:t></w:r></w:p>'
    const [segment] = parseDocx(minimalDocx({ body }), { lang: 'en' }).segments
    expect(segment!.source).toBe('Bold wurds here and more plain words.')
    expect(segment!.tags?.map((tag) => `${tag.kind}:${tag.label}`)).toEqual([
      'open:bold',
      'close:bold',
    ])
    expect(segment!.sourceTags).toEqual([
      { kind: 'open', n: 1, offset: 0 },
      { kind: 'close', n: 1, offset: 15 },
    ])
  })

  test("keeps a field's code out of the text and its result in it", () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF intro \\h </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>seven</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:t xml:space="preserve"> for </w:t></w:r><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>the author</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>'
    const bytes = minimalDocx({ body })
    const [segment] = parseDocx(bytes, { lang: 'en' }).segments
    expect(segment!.source).toBe('See page seven for the author.')
    expect(segment!.tags!.map((tag) => `${tag.kind}:${tag.label}`)).toEqual([
      'standalone:field',
      'standalone:field end',
      'open:field',
      'close:field',
    ])
    expect(segment!.tags![0]!.display).toContain('PAGEREF intro')
    const out = readZip(writeDocx(bytes, translated([segment!]), 'de'))
    const xml = part(out, 'word/document.xml')
    expect(xml).toContain('PAGEREF intro \\h')
    expect(xml).toContain('<w:fldSimple w:instr=" AUTHOR ">')
    expect(sources(writeDocx(bytes, translated([segment!]), 'de'))).toEqual([
      rot13(segment!.source),
    ])
  })

  test('reads content controls, and text boxes once (not their fallback copy)', () => {
    const box = (text: string) =>
      `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`
    const body =
      '<w:p><w:r><w:t xml:space="preserve">Name: </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent><w:r><w:t>your name</w:t></w:r></w:sdtContent></w:sdt></w:p>' +
      `<w:sdt><w:sdtPr/><w:sdtContent>${plainParagraph('A block control.')}</w:sdtContent></w:sdt>` +
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      `<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">${box('Boxed text.')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box('Boxed text.')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
    const bytes = minimalDocx({ body })
    const parsed = parseDocx(bytes, { lang: 'en' })
    expect(parsed.segments.map((segment) => segment.source)).toEqual([
      'Name: your name',
      'A block control.',
      'Boxed text.',
    ])
    expect(parsed.segments[0]!.tags!.map((tag) => tag.label)).toEqual([
      'content control',
      'content control',
    ])
    const out = writeDocx(bytes, translated(parsed.segments), 'de')
    expect(sources(out)).toEqual(['Anzr: lbhe anzr', 'N oybpx pbageby.', 'Obkrq grkg.'])
    const xml = part(readZip(out), 'word/document.xml')
    expect(xml).toContain('<w:alias w:val="Name"/>')
    // The fallback copy of the text box carries the translation too.
    const fallback = xml.slice(xml.indexOf('<mc:Fallback>'))
    expect(fallback).toContain('Obkrq grkg.')
    expect(fallback).not.toContain('Boxed text.')
  })

  test('refuses tracked changes unless asked to accept them, then keeps insertions only', () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="A"><w:r><w:delText>deleted </w:delText></w:r></w:del><w:r><w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr/></w:rPrChange></w:rPr><w:t>text.</w:t></w:r></w:p>'
    const bytes = minimalDocx({ body })
    expect(refusal(() => parseDocx(bytes, { lang: 'en' }))).toBe('tracked_changes')
    const parsed = parseDocx(bytes, { lang: 'en', trackedChanges: 'accept' })
    expect(parsed.segments.map((segment) => segment.source)).toEqual(['Kept inserted text.'])
    const xml = part(
      readZip(writeDocx(bytes, translated(parsed.segments), 'de')),
      'word/document.xml',
    )
    expect(xml).not.toMatch(/<w:(ins|del|rPrChange)\b/)
    expect(xml).toContain('<w:b/>')
  })

  test('reads Strict OOXML with its main part found through the relationships, entries in any order', () => {
    const bytes = minimalDocx({
      namespaces: STRICT,
      mainName: 'content/main-part.xml',
      reversed: true,
      body:
        plainParagraph('A strict paragraph. With two sentences.') +
        '<w:p><w:pPr><w:jc w:val="start"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>Slanted</w:t></w:r><w:r><w:t xml:space="preserve"> words.</w:t></w:r></w:p>',
    })
    const parsed = parseDocx(bytes, { lang: 'en' })
    expect(parsed.segments.map((segment) => segment.source)).toEqual([
      'A strict paragraph.',
      'With two sentences.',
      'Slanted words.',
    ])
    const arabic = (source: string) => `نص ${rot13(source)}`
    const out = readZip(writeDocx(bytes, translated(parsed.segments, arabic), 'ar'))
    const xml = part(out, 'content/main-part.xml')
    expect(xml).toContain(`xmlns:w="${STRICT.w}"`)
    expect(xml).toContain('<w:bidi/>')
    expect(sources(writeDocx(bytes, translated(parsed.segments, arabic), 'ar'))).toEqual(
      parsed.segments.map((segment) => arabic(segment.source)),
    )
  })

  test('refuses hostile or foreign packages with the reason', () => {
    const doctype = (prolog: string) => minimalDocx({ body: plainParagraph('x'), prolog })
    expect(refusal(() => parseDocx(doctype('<!DOCTYPE w:document>'), { lang: 'en' }))).toBe('dtd')
    expect(
      refusal(() =>
        parseDocx(doctype('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), {
          lang: 'en',
        }),
      ),
    ).toBe('dtd')
    expect(
      refusal(() => parseDocx(minimalDocx({ body: plainParagraph('&lol;') }), { lang: 'en' })),
    ).toBe('malformed')
    const macro = minimalDocx({
      body: plainParagraph('x'),
      mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml',
    })
    expect(refusal(() => parseDocx(macro, { lang: 'en' }))).toBe('macros')
    const ole = new Uint8Array(512)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(refusal(() => parseDocx(ole, { lang: 'en' }))).toBe('encrypted')
    const sheet = minimalDocx({
      body: '',
      extra: [],
      mainType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    })
    // The main part is a Word document here, so swap the relationship's target to nothing.
    expect(refusal(() => parseDocx(sheet.subarray(0, 100), { lang: 'en' }))).toBe('corrupt')
  })
})

describe('writing a DOCX', () => {
  test('round trip: a translation of every segment re-imports as the same segments and tags', async () => {
    const original = await richDocx()
    const parsed = parseDocx(original, { lang: 'en' })
    for (const lang of ['de', 'ar', 'kk']) {
      const again = parseDocx(writeDocx(original, translated(parsed.segments), lang), {
        lang: 'en',
      })
      expect(again.segments.map((segment) => segment.source)).toEqual(
        parsed.segments.map((segment) => rot13(segment.source)),
      )
      expect(again.segments.map((segment) => segment.sourceTags ?? [])).toEqual(
        parsed.segments.map((segment) => segment.sourceTags ?? []),
      )
      expect(
        again.segments.map((segment) =>
          (segment.tags ?? []).map((tag) => [tag.kind, tag.n, tag.label]),
        ),
      ).toEqual(
        parsed.segments.map((segment) =>
          (segment.tags ?? []).map((tag) => [tag.kind, tag.n, tag.label]),
        ),
      )
      expect(again.segments.map((segment) => segment.paragraph)).toEqual(
        parsed.segments.map((segment) => segment.paragraph),
      )
    }
  })

  test('writes only the parts that hold text: every other entry keeps its compressed bytes', async () => {
    const original = await richDocx()
    const before = readZip(original)
    const after = readZip(
      writeDocx(original, translated(parseDocx(original, { lang: 'en' }).segments), 'de'),
    )
    expect(after.entries.map((entry) => entry.name)).toEqual(
      before.entries.map((entry) => entry.name),
    )
    const rewritten: string[] = []
    for (const entry of before.entries) {
      const written = after.entry(entry.name)!
      if (WRITTEN.test(entry.name)) {
        rewritten.push(entry.name)
        continue
      }
      expect(written.compressed, entry.name).toEqual(entry.compressed)
      expect(written.crc32).toBe(entry.crc32)
    }
    expect(rewritten).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']),
    )
  })

  test('the export opens: XML parts well-formed, every relationship target present', async () => {
    const original = await richDocx()
    const out = readZip(
      writeDocx(original, translated(parseDocx(original, { lang: 'en' }).segments), 'ar'),
    )
    for (const entry of out.entries) {
      if (!/\.(xml|rels)$/.test(entry.name)) continue
      const xml = scanXml(out.readText(entry))
      if (!entry.name.endsWith('.rels')) continue
      const folder = entry.name.replace(/_rels\/[^/]*$/, '')
      for (const child of xml.root.children) {
        if (child.kind !== 'element' || child.attributes.TargetMode === 'External') continue
        const target = child.attributes.Target!
        const name = target.startsWith('/')
          ? target.slice(1)
          : new URL(target, `http://x/${folder}`).pathname.slice(1)
        expect(out.entry(name), `${entry.name} → ${target}`).toBeDefined()
      }
    }
  })

  test('formatting stays on the words it was on, and tags typed elsewhere move it', async () => {
    const original = await richDocx()
    const parsed = parseDocx(original, { lang: 'en' })
    const xml = part(
      readZip(writeDocx(original, translated(parsed.segments), 'de')),
      'word/document.xml',
    )
    const runWith = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`)
      return xml.slice(xml.lastIndexOf('<w:r>', at), at)
    }
    expect(runWith(rot13('bold'))).toContain('<w:b/>')
    expect(runWith(rot13('italic'))).toContain('<w:i/>')
    expect(runWith(rot13('red'))).toContain('<w:color w:val="FF0000"/>')
    expect(runWith('2')).toMatch(/<w:vertAlign w:val="(subscript|superscript)"\/>/)
    expect(runWith(rot13(' words. Water is H'))).not.toContain('<w:b/>')
    expect(xml).toContain('<w:hyperlink')
    expect(xml).toMatch(/<w:footnoteReference w:id="1"\/>/)
  })

  test('Arabic: bidi paragraphs, right-to-left runs, Arabic language and font, mirrored tables', async () => {
    const original = minimalDocx({
      body:
        '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t>Bold start.</w:t></w:r></w:p>' +
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>' +
        plainParagraph('In a cell.') +
        '</w:tc></w:tr></w:tbl>',
    })
    const parsed = parseDocx(original, { lang: 'en' })
    const xml = part(
      readZip(
        writeDocx(
          original,
          translated(parsed.segments, () => 'نص عربي.'),
          'ar-EG',
        ),
      ),
      'word/document.xml',
    )
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g)!
    expect(paragraphs).toHaveLength(2)
    for (const paragraph of paragraphs) {
      expect(paragraph).toContain('<w:bidi/>')
      expect(paragraph).toContain('<w:rtl/>')
      expect(paragraph).toContain('w:bidi="ar-EG"')
      expect(paragraph).toContain('w:cs="Arial"')
    }
    expect(paragraphs[0]).toContain('<w:jc w:val="start"/>')
    // Complex-script twins: Arabic is drawn bold and at that size only with them.
    expect(paragraphs[0]).toMatch(/<w:b\/><w:bCs\/>.*<w:sz w:val="24"\/><w:szCs w:val="24"\/>/)
    expect(xml).toContain('<w:tblPr><w:bidiVisual/><w:tblW')
  })

  test('Arabic: source text written back untranslated stays left to right', () => {
    const original = minimalDocx({
      body:
        plainParagraph('The letter goes on.') +
        plainParagraph('First sentence here. Second sentence there.'),
    })
    const parsed = parseDocx(original, { lang: 'en' })
    expect(parsed.segments).toHaveLength(3)
    // The first paragraph and the last sentence fall back to the source (an export policy).
    const xml = part(
      readZip(
        writeDocx(
          original,
          translated(parsed.segments, (source) =>
            source.startsWith('First') ? 'الجملة الأولى هنا.' : source,
          ),
          'ar',
        ),
      ),
      'word/document.xml',
    )
    const [english, mixed] = xml.match(/<w:p>.*?<\/w:p>/g)!
    // Arabic properties would flip its full stop to the left end: ".The letter goes on".
    expect(english).not.toContain('<w:bidi/>')
    expect(english).not.toContain('<w:rtl/>')
    expect(mixed).toContain('<w:bidi/>')
    const runs = mixed!.match(/<w:r>.*?<\/w:r>/g)!
    expect(runs.find((run) => run.includes('الجملة'))).toContain('<w:rtl/>')
    expect(runs.find((run) => run.includes('Second'))).not.toContain('<w:rtl/>')
  })

  test('Kazakh: the language is kk-KZ and fonts without Kazakh letters are replaced', () => {
    const styles =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial Cyr" w:hAnsi="Calibri"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>'
    const original = minimalDocx({
      extra: [
        [
          'word/_rels/document.xml.rels',
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        ],
        ['word/styles.xml', styles],
      ],
      body: '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman Cyr" w:hAnsi="Times New Roman Cyr" w:cs="Tahoma"/><w:lang w:val="ru-RU"/></w:rPr><w:t>Текст.</w:t></w:r></w:p>',
    })
    const parsed = parseDocx(original, { lang: 'ru' })
    const xml = part(
      readZip(
        writeDocx(
          original,
          translated(parsed.segments, () => 'Қазақ әріптері.'),
          'kk',
        ),
      ),
      'word/document.xml',
    )
    expect(xml).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Tahoma"/>',
    )
    expect(xml).toContain('<w:lang w:val="kk-KZ"/>')
    expect(xml).toContain('Қазақ әріптері.')
    const written = readZip(
      writeDocx(
        original,
        translated(parsed.segments, () => 'Қазақ.'),
        'kk',
      ),
    )
    expect(part(written, 'word/styles.xml')).toContain(
      '<w:rFonts w:ascii="Arial" w:hAnsi="Calibri"/>',
    )
    // Other targets leave the styles as they were.
    const german = readZip(writeDocx(original, translated(parsed.segments), 'de'))
    expect(german.entry('word/styles.xml')!.compressed).toEqual(
      readZip(original).entry('word/styles.xml')!.compressed,
    )
  })

  test('Kazakh: text whose font comes from the theme, the defaults or a style gets one with the Kazakh letters', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    const theme = (minor: string, major: string) =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Old"><a:themeElements>' +
      '<a:clrScheme name="Old"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1></a:clrScheme>' +
      `<a:fontScheme name="Old"><a:majorFont><a:latin typeface="${major}" panose="020B0604020202020204" pitchFamily="34" charset="-52"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
      `<a:minorFont><a:latin typeface="${minor}" panose="02020603050405020304"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Arab" typeface="Times New Roman"/></a:minorFont></a:fontScheme>` +
      '</a:themeElements></a:theme>'
    const styles =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}>` +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="Heading1"/></w:style>' +
      '<w:style w:type="character" w:styleId="Old"><w:rPr><w:rFonts w:ascii="Pragmatica" w:hAnsi="Pragmatica"/></w:rPr></w:style>' +
      '</w:styles>'
    const rels =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>'
    const body =
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:rFonts w:ascii="Arial Cyr" w:hAnsi="Arial Cyr"/></w:rPr></w:pPr><w:r><w:t>Заголовок.</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>Цитата.</w:t></w:r></w:p>' +
      plainParagraph('Обычный текст.') +
      '<w:p><w:r><w:rPr><w:rStyle w:val="Old"/></w:rPr><w:t>Старый стиль.</w:t></w:r></w:p>' +
      // A theme font named beside a font: the theme's wins.
      '<w:p><w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr><w:t>Тема.</w:t></w:r></w:p>'
    const packageWith = (themeXml: string) =>
      minimalDocx({
        body,
        extra: [
          ['word/_rels/document.xml.rels', rels],
          ['word/styles.xml', styles],
          ['word/theme/theme1.xml', themeXml],
          ['docProps/app.xml', '<?xml version="1.0"?>\n<Properties/>'],
        ],
      })
    const original = packageWith(theme('Times New Roman Cyr', 'Arial Cyr'))
    const parsed = parseDocx(original, { lang: 'ru' })
    const kazakh = readZip(
      writeDocx(
        original,
        translated(parsed.segments, () => 'Қазақша мәтін.'),
        'kk',
      ),
    )
    const written = (name: string) => scanXml(part(kazakh, name)).root
    // The font Word sets Cyrillic text in (the hAnsi font), looked up as Word does.
    const themeFonts = written('word/theme/theme1.xml')
    const themeFont = (name: string) => {
      const scheme = name.startsWith('major') ? 'majorFont' : 'minorFont'
      return find(themeFonts, (e) => e.local === scheme)!.children.find(
        (child) => child.kind === 'element' && child.local === 'latin',
      ) as XmlElement
    }
    const fontIn = (rPr: XmlElement | undefined): string | undefined => {
      const fonts = rPr && find(rPr, (e) => e.local === 'rFonts')
      if (!fonts) return undefined
      const themed = fonts.attributes['w:hAnsiTheme']
      return themed ? themeFont(themed).attributes.typeface : fonts.attributes['w:hAnsi']
    }
    const stylesRoot = written('word/styles.xml')
    const style = (id: string | undefined): XmlElement | undefined =>
      id === undefined
        ? undefined
        : find(stylesRoot, (e) => e.local === 'style' && e.attributes['w:styleId'] === id)
    const styleFont = (id: string | undefined): string | undefined => {
      const found = style(id)
      if (!found) return undefined
      const own = fontIn(find(found, (e) => e.local === 'rPr'))
      return own ?? styleFont(find(found, (e) => e.local === 'basedOn')?.attributes['w:val'])
    }
    const defaults = fontIn(find(stylesRoot, (e) => e.local === 'rPrDefault'))
    const kazakhFonts: string[] = []
    const visit = (element: XmlElement, paragraphStyle?: string) => {
      if (element.local === 'p') {
        paragraphStyle = find(element, (e) => e.local === 'pStyle')?.attributes['w:val']
        const mark = find(element, (e) => e.local === 'pPr')
        const markFont = mark && fontIn(find(mark, (e) => e.local === 'rPr'))
        if (markFont) kazakhFonts.push(markFont)
      }
      const words = element.local === 'r' ? find(element, (e) => e.local === 't') : undefined
      if (words?.children.some((node) => node.kind === 'text' && /Қазақша/.test(node.text))) {
        const rPr = find(element, (e) => e.local === 'rPr')
        const characterStyle = rPr && find(rPr, (e) => e.local === 'rStyle')?.attributes['w:val']
        kazakhFonts.push(
          fontIn(rPr) ??
            styleFont(characterStyle) ??
            styleFont(paragraphStyle) ??
            defaults ??
            'Times New Roman',
        )
      }
      for (const child of element.children)
        if (child.kind === 'element') visit(child, paragraphStyle)
    }
    visit(written('word/document.xml'))
    expect(kazakhFonts).toHaveLength(6)
    for (const font of kazakhFonts) {
      expect(Object.keys(KAZAKH_FONT_REPLACEMENTS), font).not.toContain(font.toLowerCase())
    }
    expect(part(kazakh, 'word/theme/theme1.xml')).toBe(
      theme('Times New Roman Cyr', 'Arial Cyr')
        .replace(
          'typeface="Arial Cyr" panose="020B0604020202020204" pitchFamily="34" charset="-52"',
          'typeface="Arial"',
        )
        .replace(
          'typeface="Times New Roman Cyr" panose="02020603050405020304"',
          'typeface="Times New Roman"',
        ),
    )
    // Only the parts that change are written; other entries keep their compressed bytes.
    const before = readZip(original)
    for (const entry of before.entries) {
      if (['word/document.xml', 'word/styles.xml', 'word/theme/theme1.xml'].includes(entry.name))
        continue
      expect(kazakh.entry(entry.name)!.compressed, entry.name).toEqual(entry.compressed)
    }
    // A theme whose fonts have the letters, and other targets, leave the theme as it was.
    const modern = packageWith(theme('Calibri', 'Calibri Light'))
    const untouched = (bytes: Uint8Array, lang: string) =>
      readZip(writeDocx(bytes, translated(parseDocx(bytes, { lang: 'ru' }).segments), lang)).entry(
        'word/theme/theme1.xml',
      )!.compressed
    expect(untouched(modern, 'kk')).toEqual(
      readZip(modern).entry('word/theme/theme1.xml')!.compressed,
    )
    expect(untouched(original, 'de')).toEqual(before.entry('word/theme/theme1.xml')!.compressed)
  })

  test('a target with crossed, half-placed or missing tags still writes well-formed runs', () => {
    const original = minimalDocx({
      body:
        '<w:p><w:r><w:t xml:space="preserve">Go to </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the page</w:t></w:r></w:hyperlink>' +
        '<w:r><w:t xml:space="preserve"> and read the </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r><w:r><w:t xml:space="preserve"> words, the ordinary words.</w:t></w:r></w:p>',
    })
    const [segment] = parseDocx(original, { lang: 'en' }).segments
    expect(segment!.tags!.filter((tag) => tag.kind === 'open').map((tag) => tag.label)).toEqual([
      'link',
      'bold',
    ])
    const targets: Array<DocxTargetSegment['target']> = [
      // Crossed: the link closes inside the bold text.
      {
        text: 'Link and bold text.',
        tags: [
          { kind: 'open', n: 1, offset: 0 },
          { kind: 'open', n: 2, offset: 5 },
          { kind: 'close', n: 1, offset: 9 },
          { kind: 'close', n: 2, offset: 14 },
        ],
      },
      // Half-placed: opens without closes, a close without its open.
      {
        text: 'Only openings.',
        tags: [
          { kind: 'close', n: 2, offset: 0 },
          { kind: 'open', n: 1, offset: 5 },
        ],
      },
      // None at all.
      { text: 'No tags.', tags: [] },
    ]
    for (const target of targets) {
      const bytes = writeDocx(original, [{ ...translated([segment!])[0]!, target }], 'de')
      const xml = part(readZip(bytes), 'word/document.xml')
      expect(() => scanXml(xml)).not.toThrow()
      expect(sources(bytes)).toEqual([target.text])
    }
  })

  test('refuses segments that do not fit the original', () => {
    const original = minimalDocx({ body: plainParagraph('One sentence.') })
    const foreign: DocxTargetSegment = {
      paragraph: 0,
      source: 'Another text.',
      tags: [],
      target: { text: 'x', tags: [] },
    }
    expect(refusal(() => writeDocx(original, [foreign], 'de'))).toBe('mismatch')
    expect(refusal(() => writeDocx(original, [{ ...foreign, paragraph: 5 }], 'de'))).toBe(
      'mismatch',
    )
  })
})
