import { expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  initDocument,
  readDocumentExportView,
  type SegmentInit,
} from '@qalam/shared/model'
import {
  decodeExportView,
  encodeDocumentExportView,
  encodeExportView,
  encodeKeptView,
  MAX_KEPT_VIEW_BYTES,
  writesTagCopies,
  type ExportedFormat,
} from './exportViewJson.ts'

function taggedDocument(segments: number): Y.Doc {
  const doc = new Y.Doc()
  const inits: SegmentInit[] = Array.from({ length: segments }, (_, i) => ({
    source: `Сегмент ${i} жирный.`,
    paragraph: i,
    before: '',
    target: `Сегмент ${i} қалың.`,
    status: 'translated',
    tags: [
      { kind: 'open', n: 1, label: 'b', display: '<w:b/>', data: '<w:rPr><w:b/></w:rPr>' },
      { kind: 'close', n: 1, label: 'b', display: '</w:b>', data: '' },
    ],
    sourceTags: [
      { kind: 'open', n: 1, offset: 0 },
      { kind: 'close', n: 1, offset: 7 },
    ],
    targetTags: [
      { kind: 'open', n: 1, offset: 0 },
      { kind: 'close', n: 1, offset: 7 },
    ],
  }))
  const meta = { title: 'Опись', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '\n' }
  initDocument(doc, meta, inits, SERVER_ORIGIN)
  return doc
}

test('a room’s view read in turns is the view read at once, and lets the event loop run between', async () => {
  const doc = taggedDocument(4000)
  let turns = 0
  const ticking = setInterval(() => turns++, 0)
  const json = await encodeDocumentExportView(doc, true).finally(() => clearInterval(ticking))
  expect(decodeExportView(json)).toEqual(readDocumentExportView(doc))
  expect(turns).toBeGreaterThan(0)
})

test('without tag copies the markup copies are left empty, and only XLIFF and TMX keep them', () => {
  const doc = taggedDocument(2)
  const view = readDocumentExportView(doc)
  const slim = decodeExportView(encodeExportView(view.meta, view.segments, false))
  expect(slim.segments[0]!.tags.map((tag) => tag.display)).toEqual(['', ''])
  expect(slim.segments[0]!.tags[0]!.data).toBe('<w:rPr><w:b/></w:rPr>')
  expect(slim).toEqual({
    ...view,
    segments: view.segments.map((segment) => ({
      ...segment,
      tags: segment.tags.map((tag) => ({ ...tag, display: '' })),
    })),
  })
  const formats: ExportedFormat[] = ['xliff12', 'xliff20', 'tmx', 'docx', 'html', 'md', 'txt']
  expect(formats.filter(writesTagCopies)).toEqual(['xliff12', 'xliff20', 'tmx'])
})

test('a view past the size kept in the store is not kept, one within it is kept whole', () => {
  const doc = taggedDocument(3)
  const { meta, segments } = readDocumentExportView(doc)
  const kept = encodeKeptView(meta, segments)
  expect(kept && decodeExportView(kept)).toEqual({ meta, segments })
  // Segments of 1,000 Cyrillic letters (2 bytes each in UTF-8): 10,000 of them are past 16 MB.
  const long = { ...segments[0]!, source: 'қ'.repeat(1000), tags: [], sourceTags: [] }
  const many = (count: number) => Array.from({ length: count }, (_, index) => ({ ...long, index }))
  expect(encodeKeptView(meta, many(10_000))).toBeNull()
  const within = encodeKeptView(meta, many(7_000))
  expect(within!.length).toBeLessThanOrEqual(MAX_KEPT_VIEW_BYTES)
  expect(decodeExportView(within!).segments).toHaveLength(7_000)
})

test('the view reads a segment at a time, line breaks in its texts and all; a view kept by an earlier release still reads', () => {
  const doc = taggedDocument(3)
  const { meta, segments } = readDocumentExportView(doc)
  const multiline = [
    { ...segments[0]!, source: 'Бірінші жол\nекінші жол\r\n', target: 'الأول\nالثاني' },
    ...segments.slice(1),
  ]
  const json = encodeExportView({ ...meta, title: 'Опись\n№ 1' }, multiline, true)
  // One line for the head, one per segment, one for the end.
  expect(new TextDecoder().decode(json).split('\n')).toHaveLength(1 + multiline.length + 1)
  expect(decodeExportView(json)).toEqual({
    meta: { ...meta, title: 'Опись\n№ 1' },
    segments: multiline,
  })
  // What releases before the line breaks kept in the store: the same JSON on one line.
  const earlier = new TextEncoder().encode(JSON.stringify({ meta, segments: multiline }))
  expect(decodeExportView(earlier)).toEqual({ meta, segments: multiline })
  const empty = encodeExportView(meta, [], true)
  expect(decodeExportView(empty)).toEqual({ meta, segments: [] })
  expect(JSON.parse(new TextDecoder().decode(json))).toEqual(decodeExportView(json))
  // In chunks cut anywhere (inside lines, inside characters), as a live view crosses threads.
  for (const size of [1, 5, 64]) {
    const chunks: Uint8Array[] = []
    for (let at = 0; at < json.length; at += size) chunks.push(json.subarray(at, at + size))
    expect(decodeExportView(chunks)).toEqual(decodeExportView(json))
  }
})
