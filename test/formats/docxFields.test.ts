import { describe, expect, test } from 'vitest'
import { parseDocx, readZip, scanXml, writeDocx } from '@qalam/shared/formats'
import type { DocxTargetSegment, XmlElement } from '@qalam/shared/formats'
import type { SegmentInit, TaggedText } from '@qalam/shared/model'
import { FIELDS_BODY, minimalDocx } from './docxFixtures.ts'

/*
 * Complex fields that run across paragraphs (a table of contents, a mail-merge IF whose code
 * holds a paragraph mark), nested fields, SEQ, REF, HYPERLINK and simple fields: the code is
 * a protected tag wherever it runs, the result is text, and the export writes every field back
 * whole, even from a target that lost or moved its tags. The OOXML is hand-written (docxFixtures.ts).
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const docxOf = (body: string) => minimalDocx({ body })

function documentXml(bytes: Uint8Array): string {
  const archive = readZip(bytes)
  return archive.readText(archive.entry('word/document.xml')!)
}

/** The document's field structure in order: each fldChar type, instrText and simple field code. */
function fieldStructure(xml: string): string[] {
  const out: string[] = []
  const visit = (element: XmlElement) => {
    if (element.uri === W && element.local === 'fldChar')
      out.push(element.attributes['w:fldCharType']!)
    if (element.uri === W && element.local === 'instrText')
      out.push(element.children.map((node) => (node.kind === 'text' ? node.text : '')).join(''))
    if (element.uri === W && element.local === 'fldSimple')
      out.push(`simple:${element.attributes['w:instr']}`)
    for (const child of element.children) if (child.kind === 'element') visit(child)
  }
  visit(scanXml(xml).root)
  return out
}

/** The structure without simple fields. */
function complexOnly(structure: readonly string[]): string[] {
  return structure.filter((item) => !item.startsWith('simple:'))
}

/** Whether begin, separate and end nest: each separate and end has its begin, all closed. */
function isBalanced(structure: readonly string[]): boolean {
  const open: boolean[] = []
  for (const item of structure) {
    if (item === 'begin') open.push(false)
    else if (item === 'separate') {
      if (open.length === 0 || open.at(-1)) return false
      open[open.length - 1] = true
    } else if (item === 'end' && open.pop() === undefined) return false
  }
  return open.length === 0
}

function targets(
  bytes: Uint8Array,
  write: (segment: SegmentInit) => TaggedText,
): DocxTargetSegment[] {
  return parseDocx(bytes, { lang: 'en' }).segments.map((segment) => ({
    paragraph: segment.paragraph,
    source: segment.source,
    tags: segment.tags ?? [],
    target: write(segment),
  }))
}

const upper = (segment: SegmentInit): TaggedText => ({
  text: segment.source.toUpperCase(),
  tags: [...(segment.sourceTags ?? [])],
})

describe('complex fields across paragraphs', () => {
  test('the code is a protected tag in every paragraph it runs through; results are text', () => {
    const bytes = docxOf(FIELDS_BODY)
    const { segments } = parseDocx(bytes, { lang: 'en' })
    expect(segments.map((segment) => segment.source)).toEqual([
      'Contents',
      'Introduction1',
      'Why fields matter2',
      'Conclusion3',
      'Dear friends,',
      'We thank you all.',
      'The letter goes on.',
      'Figure 1: A map of the steppe.',
      'See Table 2 and the atlas of 12 pages.',
    ])
    const byText = (source: string) => segments.find((segment) => segment.source === source)!
    const labels = (source: string) =>
      (byText(source).tags ?? []).map((tag) => `${tag.kind}:${tag.label}`)
    // The paragraph the IF's code runs into: the rest of its code and its separate are one tag.
    expect(labels('Dear friends,')).toEqual(['standalone:field'])
    expect(byText('Dear friends,').tags![0]!.display).toContain('MERGEFIELD Name')
    expect(byText('Dear friends,').sourceTags).toEqual([{ kind: 'standalone', n: 1, offset: 0 }])
    // A code right after a sentence ends it (the IF ends after its result's second paragraph).
    expect(labels('We thank you all.')).toEqual(['standalone:field end'])
    expect(labels('The letter goes on.')).toEqual([])
    expect(labels('Introduction1')).toEqual([
      'standalone:field',
      'open:link',
      'close:link',
      'standalone:tab',
      'standalone:field',
      'open:format',
      'close:format',
      'standalone:field end',
    ])
    expect(labels('Why fields matter2').filter((label) => label.startsWith('standalone'))).toEqual([
      'standalone:tab',
      'standalone:field',
      'standalone:field end',
    ])
  })

  test('the export writes every field back whole: the same begin, separate, end and codes', () => {
    const bytes = docxOf(FIELDS_BODY)
    const before = fieldStructure(documentXml(bytes))
    expect(isBalanced(before)).toBe(true)
    for (const lang of ['de', 'ar', 'kk']) {
      const written = writeDocx(bytes, targets(bytes, upper), lang)
      expect(fieldStructure(documentXml(written))).toEqual(before)
      const again = parseDocx(written, { lang: 'en' }).segments
      expect(again.map((segment) => segment.source)).toEqual(
        parseDocx(bytes, { lang: 'en' }).segments.map((segment) => segment.source.toUpperCase()),
      )
    }
  })

  test('a target that lost, moved or doubled its field tags still writes every field whole', () => {
    const bytes = docxOf(FIELDS_BODY)
    const before = fieldStructure(documentXml(bytes))
    const reorderings: Array<(segment: SegmentInit) => TaggedText> = [
      // Every tag deleted, as the "empty" fallback writes it too.
      () => ({ text: '', tags: [] }),
      (segment) => ({ text: segment.source, tags: [] }),
      // Tags in reverse order, all at the start.
      (segment) => ({
        text: segment.source,
        tags: [...(segment.sourceTags ?? [])].reverse().map((tag) => ({ ...tag, offset: 0 })),
      }),
      // Each tag twice.
      (segment) => ({
        text: segment.source,
        tags: (segment.sourceTags ?? []).flatMap((tag) => [tag, tag]),
      }),
    ]
    for (const write of reorderings) {
      const xml = documentXml(writeDocx(bytes, targets(bytes, write), 'de'))
      expect(() => scanXml(xml)).not.toThrow()
      const after = fieldStructure(xml)
      expect(isBalanced(after)).toBe(true)
      // The complex fields as they were; the simple field, one element, may stand elsewhere.
      expect(complexOnly(after)).toEqual(complexOnly(before))
      expect([...after].sort()).toEqual([...before].sort())
    }
  })

  test('fields a translation moves stay where it put them, each whole', () => {
    const bytes = docxOf(FIELDS_BODY)
    const parsed = parseDocx(bytes, { lang: 'en' }).segments
    const see = parsed.find((segment) => segment.source.startsWith('See '))!
    const codes = see.tags!.filter((tag) => tag.kind === 'standalone').map((tag) => tag.n)
    const simple = see.tags!.find((tag) => tag.kind === 'open' && tag.label === 'field')!.n
    const [ref, refEnd, link, linkEnd] = codes as [number, number, number, number]
    const moved: TaggedText = {
      text: 'ATLAS, TABLE 2, 12 PAGES.',
      tags: [
        { kind: 'standalone', n: link, offset: 0 },
        { kind: 'standalone', n: linkEnd, offset: 5 },
        { kind: 'standalone', n: ref, offset: 7 },
        { kind: 'standalone', n: refEnd, offset: 14 },
        { kind: 'open', n: simple, offset: 16 },
        { kind: 'close', n: simple, offset: 18 },
      ],
    }
    const written = writeDocx(
      bytes,
      targets(bytes, (segment) => (segment.source === see.source ? moved : upper(segment))),
      'de',
    )
    const xml = documentXml(written)
    const structure = fieldStructure(xml)
    expect(isBalanced(structure)).toBe(true)
    expect(structure.slice(-9)).toEqual([
      'begin',
      ' HYPERLINK "https://example.org/atlas" ',
      'separate',
      'end',
      'begin',
      ' REF _Ref5 \\h ',
      'separate',
      'end',
      'simple: NUMPAGES \\* MERGEFORMAT ',
    ])
    // The link's result is the words the translation put in it.
    expect(xml).toMatch(/HYPERLINK[^<]*<\/w:instrText>.*?separate.*?>ATLAS<\/w:t>.*?"end"/)
    expect(parseDocx(written, { lang: 'en' }).segments.at(-1)!.source).toBe(moved.text)
  })
})
