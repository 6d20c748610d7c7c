import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  documentProgress,
  findSegmentIndex,
  segmentsArray,
  SEGMENT_KEYS,
  segmentIndexes,
  initDocument,
  newSegmentId,
  readDocumentExportView,
  readMeta,
  readSegments,
  rejectSegment,
  rememberingSourceWordCounter,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
  targetText,
  type SegmentInit,
} from './index.ts'

const meta = {
  title: 'Архивы',
  sourceLang: 'ru',
  targetLang: 'ar',
  createdAt: 1_700_000_000_000,
  trailing: '\n',
}
const inits: SegmentInit[] = [
  { source: 'Первое предложение.', paragraph: 0, before: '' },
  { source: 'Второе предложение.', paragraph: 0, before: ' ' },
  { source: 'Заголовок', paragraph: 1, before: '\n\n' },
]

function makeDoc(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(doc, meta, inits, SERVER_ORIGIN)
  return doc
}

describe('document model', () => {
  test('a new document holds its meta and every segment as new with an empty target', () => {
    const doc = makeDoc()
    expect(readMeta(doc)).toEqual({ ...meta, sourceEncoding: 'utf-8', sourceFormat: 'txt' })
    const segments = readSegments(doc)
    expect(segments.map((s) => [s.source, s.status, s.target, s.paragraph, s.before])).toEqual([
      ['Первое предложение.', 'new', '', 0, ''],
      ['Второе предложение.', 'new', '', 0, ' '],
      ['Заголовок', 'new', '', 1, '\n\n'],
    ])
    expect(new Set(segments.map((s) => s.id)).size).toBe(3)
  })

  test('an empty target starts as one empty paragraph, read back as no text', () => {
    const doc = makeDoc()
    for (const segment of [segmentAt(doc, 0)!, segmentAt(doc, 2)!]) {
      const blocks = segmentTarget(segment).toDelta() as Array<{ insert: unknown }>
      expect(blocks).toHaveLength(1)
      const paragraph = blocks[0]!.insert
      expect(paragraph).toBeInstanceOf(Y.XmlText)
      expect((paragraph as Y.XmlText).length).toBe(0)
      expect((paragraph as Y.XmlText).getAttribute('__type')).toBe('paragraph')
      expect(targetText(segment)).toBe('')
    }
    expect(documentProgress(doc).translatedWords).toBe(0)
  })

  test('a document can start with existing translations and their statuses', () => {
    const doc = new Y.Doc()
    initDocument(
      doc,
      meta,
      [
        { ...inits[0]!, target: 'الجملة الأولى.', status: 'translated' },
        { ...inits[1]!, target: '', status: 'new' },
      ],
      SERVER_ORIGIN,
    )
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    expect(readSegments(replica).map((s) => [s.target, s.status, s.updatedBy])).toEqual([
      ['الجملة الأولى.', 'translated', null],
      ['', 'new', null],
    ])
  })

  test('finds a segment by id again after segments moved in front of it', () => {
    const doc = makeDoc()
    const ids = readSegments(doc).map((s) => s.id)
    expect(findSegmentIndex(doc, ids[2]!)).toBe(2)
    // Not something the server lets a client do; the lookup must not trust an old index anyway.
    const segments = segmentsArray(doc)
    doc.transact(() => segments.delete(0, 1))
    expect(findSegmentIndex(doc, ids[2]!)).toBe(1)
    expect(findSegmentIndex(doc, ids[0]!)).toBe(-1)
    doc.transact(() => segments.insert(0, [new Y.Map<unknown>([[SEGMENT_KEYS.id, 'inserted']])]))
    expect(findSegmentIndex(doc, 'inserted')).toBe(0)
    expect(findSegmentIndex(doc, ids[2]!)).toBe(2)
  })

  test('segment ids are stable across replicas and found by id', () => {
    const doc = makeDoc()
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    const ids = readSegments(doc).map((s) => s.id)
    expect(readSegments(replica).map((s) => s.id)).toEqual(ids)
    expect(findSegmentIndex(replica, ids[2]!)).toBe(2)
    expect(findSegmentIndex(replica, 'missing')).toBe(-1)
    expect(segmentIndexes(replica, new Set([ids[2]!, 'missing', ids[0]!]))).toEqual(
      new Map([
        [ids[0]!, 0],
        [ids[2]!, 2],
      ]),
    )
  })

  test('writing a target moves a new segment to draft and records who changed it', () => {
    const doc = makeDoc()
    const id = readSegments(doc)[0]!.id
    setTargetText(doc, id, 'الجملة الأولى.', 'u-1')
    const view = readSegments(doc)[0]!
    expect(view.target).toBe('الجملة الأولى.')
    expect(view.status).toBe('draft')
    expect(view.updatedBy).toBe('u-1')
    expect(view.updatedAt).toBeGreaterThan(0)
  })

  test('a multi-line target round-trips through the Lexical-shaped XmlText', () => {
    const doc = makeDoc()
    const id = readSegments(doc)[1]!.id
    setTargetText(doc, id, 'бірінші жол\nекінші жол', 'u-1')
    expect(targetText(segmentAt(doc, 1)!)).toBe('бірінші жол\nекінші жол')
    setTargetText(doc, id, '', 'u-1')
    expect(targetText(segmentAt(doc, 1)!)).toBe('')
  })

  test('concurrent typing in one target from two replicas converges', () => {
    const a = makeDoc()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const id = readSegments(a)[0]!.id
    setTargetText(a, id, 'قلم', 'u-a')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const paragraphA = segmentTarget(segmentAt(a, 0)!).toDelta()[0].insert as Y.XmlText
    const paragraphB = segmentTarget(segmentAt(b, 0)!).toDelta()[0].insert as Y.XmlText
    a.transact(() => paragraphA.insert(paragraphA.length, ' أ'))
    b.transact(() => paragraphB.insert(paragraphB.length, ' ب'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(targetText(segmentAt(a, 0)!)).toBe(targetText(segmentAt(b, 0)!))
    expect(targetText(segmentAt(a, 0)!)).toMatch(/^قلم( أ ب| ب أ)$/)
  })

  test('a segment made of several sentences keeps where each begins; nonsense offsets are dropped', () => {
    const doc = new Y.Doc()
    const source = 'Первое. Второе!  Третье?'
    initDocument(
      doc,
      meta,
      [
        { source, paragraph: 0, before: '', sourceBreaks: [8, 17] },
        { source: 'Одно.', paragraph: 0, before: ' ' },
        // Out of order, outside the text, at a space, not an integer: none is a break.
        { source: 'А. Б.', paragraph: 0, before: ' ', sourceBreaks: [3, 2, 9, 1.5, 0] },
      ],
      SERVER_ORIGIN,
    )
    const [merged, single, odd] = readSegments(doc)
    expect(merged!.sourceBreaks).toEqual([8, 17])
    expect(merged!.sourceBreaks.map((at) => source.slice(at))).toEqual([
      'Второе!  Третье?',
      'Третье?',
    ])
    expect(single!.sourceBreaks).toEqual([])
    expect(odd!.sourceBreaks).toEqual([3])
    // A segment of one sentence stores nothing extra.
    expect([...segmentAt(doc, 1)!.keys()].sort()).toEqual(
      ['before', 'id', 'paragraph', 'source', 'status', 'target'].sort(),
    )
  })

  test('a rejection carries its reason until the segment is approved', () => {
    const doc = makeDoc()
    const id = readSegments(doc)[0]!.id
    rejectSegment(doc, id, 'Терминология: «архив» — أرشيف', 'u-rev')
    expect(readSegments(doc)[0]).toMatchObject({
      status: 'rejected',
      reviewNote: 'Терминология: «архив» — أرشيف',
      updatedBy: 'u-rev',
    })
    setStatus(doc, id, 'draft', 'u-tr')
    expect(readSegments(doc)[0]!.reviewNote).toBe('Терминология: «архив» — أرشيف')
    setStatus(doc, id, 'approved', 'u-rev')
    expect(readSegments(doc)[0]!.reviewNote).toBe('')
  })

  test('progress counts source words per status, approved inside translated', () => {
    const doc = makeDoc()
    const [first, second] = readSegments(doc)
    setStatus(doc, first!.id, 'translated', 'u-1')
    setStatus(doc, second!.id, 'approved', 'u-2')
    expect(documentProgress(doc)).toEqual({
      segments: 3,
      words: 5,
      translatedWords: 4,
      approvedWords: 2,
      byStatus: { new: 1, draft: 0, translated: 1, approved: 1, rejected: 0 },
    })
  })

  test('a remembering word counter gives the same progress as counting afresh, across changes', () => {
    const doc = makeDoc()
    const countSource = rememberingSourceWordCounter()
    expect(documentProgress(doc, countSource)).toEqual(documentProgress(doc))
    const [first, , third] = readSegments(doc)
    setStatus(doc, first!.id, 'approved', 'u-1')
    setTargetText(doc, third!.id, 'عنوان', 'u-1')
    expect(documentProgress(doc, countSource)).toEqual(documentProgress(doc))
    expect(documentProgress(doc, countSource).approvedWords).toBe(2)
  })
})

describe('segment ids and export reading', () => {
  test('ids are random UUID v4, distinct across more than one pool of random bytes', () => {
    const ids = Array.from({ length: 600 }, () => newSegmentId())
    expect(new Set(ids).size).toBe(600)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })

  test('the export view gives what readSegments gives, without matches and suggestions', () => {
    const doc = new Y.Doc()
    initDocument(
      doc,
      { title: 't', sourceLang: 'en', targetLang: 'kk', createdAt: 0, trailing: '' },
      [
        { source: 'One.', paragraph: 0, before: '' },
        {
          source: 'Two bold.',
          paragraph: 1,
          before: ' ',
          target: 'Екі.',
          status: 'draft',
          tags: [
            { kind: 'open', n: 1, label: 'b', display: '<b>', data: '' },
            { kind: 'close', n: 1, label: 'b', display: '</b>', data: '' },
          ],
          sourceTags: [
            { kind: 'open', n: 1, offset: 4 },
            { kind: 'close', n: 1, offset: 8 },
          ],
          targetTags: [
            { kind: 'open', n: 1, offset: 0 },
            { kind: 'close', n: 1, offset: 3 },
          ],
        },
      ],
      SERVER_ORIGIN,
    )
    const view = readDocumentExportView(doc)
    expect(view.meta).toEqual(readMeta(doc))
    expect(view.segments).toEqual(
      readSegments(doc).map(
        ({ matches: _matches, suggestions: _suggestions, ...segment }) => segment,
      ),
    )
    expect(view.segments[1]!.targetTags).toHaveLength(2)
    // Plain data: what crosses to the export worker as JSON comes back equal.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
  })
})
