import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import {
  initDocument,
  parseMarkedText,
  readMeta,
  readSegments,
  setTargetTagged,
} from '../../model/index.ts'
import { scanXml } from '../xml/index.ts'
import {
  readReviewDocx,
  reviewTableOf,
  writeReviewDocx,
  writeReviewHtml,
  ReviewReadError,
} from './index.ts'

const origin = { kind: 'server' } as const

function arabicDocument(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Guide', sourceLang: 'en', targetLang: 'ar', createdAt: 0, trailing: '' },
    [
      {
        source: 'Press Save now.',
        paragraph: 0,
        before: '',
        tags: [
          { kind: 'open', n: 1, label: 'b', display: '<b>', data: '' },
          { kind: 'close', n: 1, label: 'b', display: '</b>', data: '' },
        ],
        sourceTags: [
          { kind: 'open', n: 1, offset: 6 },
          { kind: 'close', n: 1, offset: 10 },
        ],
      },
      { source: 'Second line.', paragraph: 1, before: '\n' },
    ],
    origin,
  )
  const [first] = readSegments(doc)
  setTargetTagged(
    doc,
    first!.id,
    {
      text: 'اضغط حفظ الآن.',
      tags: [
        { kind: 'open', n: 1, offset: 5 },
        { kind: 'close', n: 1, offset: 8 },
      ],
    },
    'u1',
  )
  return doc
}

function table(doc: Y.Doc) {
  return reviewTableOf('doc-1', readMeta(doc), readSegments(doc), Date.UTC(2026, 11, 7))
}

function documentXmlOf(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['word/document.xml']!)
}

describe('review table DOCX', () => {
  test('is a package with its relationships, well-formed parts, and an RTL target column', () => {
    const files = unzipSync(writeReviewDocx(table(arabicDocument()), 'en'))
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/styles.xml',
    ])
    for (const bytes of Object.values(files)) expect(() => scanXml(strFromU8(bytes))).not.toThrow()
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="word/document.xml"')
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('Target="styles.xml"')
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('<w:bidi/>')
    expect(xml).toContain('<w:rtl/><w:lang w:bidi="ar"/>')
    expect(xml).toContain('⟦1⟧')
    expect(xml).toContain('<w:lock w:val="sdtContentLocked"/>')
  })

  test('reads back the rows it wrote, with the segment ids and target texts', () => {
    const doc = arabicDocument()
    const read = readReviewDocx(writeReviewDocx(table(doc), 'ru'))
    expect(read.documentId).toBe('doc-1')
    expect(read.rows.map((row) => row.segmentId)).toEqual(readSegments(doc).map((s) => s.id))
    expect(read.rows[0]!.target).toBe('اضغط ⟦1⟧حفظ⟦/1⟧ الآن.')
    const [first] = readSegments(doc)
    expect(parseMarkedText(read.rows[0]!.target, first!.tags)).toEqual({
      text: first!.target,
      tags: first!.targetTags,
    })
  })

  test('refuses a DTD, a plain DOCX and a file that is no zip', () => {
    const bytes = writeReviewDocx(table(arabicDocument()), 'en')
    const files = unzipSync(bytes)
    const xml = strFromU8(files['word/document.xml']!)
    const withDtd = xml.replace('<w:document', '<!DOCTYPE x [<!ENTITY a "b">]><w:document')
    const code = (input: Uint8Array) => {
      try {
        readReviewDocx(input)
      } catch (error) {
        return error instanceof ReviewReadError ? error.code : 'other'
      }
      return 'none'
    }
    expect(code(zipSync({ ...files, 'word/document.xml': strToU8(withDtd) }))).toBe('dtd')
    const plain = xml.replace(/qalam-review:/, 'something:')
    expect(code(zipSync({ ...files, 'word/document.xml': strToU8(plain) }))).toBe(
      'not_review_table',
    )
    expect(code(strToU8('hello'))).toBe('not_docx')
  })

  test('stops inflating a zip bomb at the limit', () => {
    const huge = new Uint8Array(5_000_000)
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 })
    expect(bomb.length).toBeLessThan(20_000)
    expect(() =>
      readReviewDocx(bomb, {
        zip: {
          maxEntries: 10,
          maxTotalSize: 2e6,
          maxEntrySize: 1e6,
          maxRatio: 200,
          ratioFloor: 1e5,
        },
        maxChars: 1e6,
        maxRows: 10,
      }),
    ).toThrow(expect.objectContaining({ code: 'too_large' }) as Error)
  })
})

describe('review table HTML', () => {
  test('writes each row with its languages and the target right to left', () => {
    const html = writeReviewHtml(table(arabicDocument()), 'kk')
    expect(html).toContain('<td class="target" lang="ar" dir="rtl">')
    expect(html).toContain('<td class="source" lang="en" dir="ltr">')
    expect(html).toContain('Түпнұсқа')
    expect(html).toContain('<span class="tag" contenteditable="false">⟦/1⟧</span>')
    expect(html).not.toContain('<script')
  })
})

test('the document.xml of a review table is our reader input', () => {
  expect(documentXmlOf(writeReviewDocx(table(arabicDocument()), 'ar'))).toContain(
    'qalam-review:doc-1',
  )
})
