import { describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import {
  SEGMENT_STATUSES,
  SERVER_ORIGIN,
  documentProgress,
  initDocument,
  rejectSegment,
  segmentAt,
  segmentId,
  segmentStatus,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { pickOne, seededRandom } from '../../test/support/seededRandom.ts'
import { SegmentStore } from './SegmentStore.ts'

function openDocument() {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Архив', sourceLang: 'ru', targetLang: 'ar', createdAt: 1, trailing: '\n' },
    [
      { source: 'Архивы открыты.', paragraph: 0, before: '' },
      { source: 'Библиотеки тоже.', paragraph: 0, before: ' ' },
      { source: 'Конец.', paragraph: 1, before: '\n\n' },
    ],
    SERVER_ORIGIN,
  )
  return {
    doc,
    store: new SegmentStore(doc),
    idAt: (index: number) => segmentId(segmentAt(doc, index)!),
  }
}

describe('SegmentStore', () => {
  test('notifies only the row whose segment changed and keeps the other snapshots', () => {
    const { doc, store, idAt } = openDocument()
    const untouched = store.segment(1)
    const calls: number[] = []
    for (const index of [0, 1, 2]) store.subscribeRow(index, () => calls.push(index))

    setTargetText(doc, idAt(0), 'الأرشيفات مفتوحة.', 'u1')

    expect(calls).toEqual([0])
    expect(store.segment(0)?.target).toBe('الأرشيفات مفتوحة.')
    expect(store.segment(0)?.status).toBe('draft')
    expect(store.segment(1)).toBe(untouched)
  })

  test('sees edits made through nested XmlText changes of another replica', () => {
    const { doc, store, idAt } = openDocument()
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    replica.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update))
    const calls: number[] = []
    store.subscribeRow(2, () => calls.push(2))

    setTargetText(replica, idAt(2), 'النهاية.', 'u2')

    expect(calls).toEqual([2])
    expect(store.segment(2)?.target).toBe('النهاية.')
  })

  test('has no progress when it opens and tells document listeners once it has counted it', async () => {
    const { store } = openDocument()
    let documentChanges = 0
    store.subscribeDocument(() => documentChanges++)
    expect(store.documentProgress).toBeNull()
    expect(store.segment(0)?.source).toBe('Архивы открыты.')
    await vi.waitFor(() => expect(documentChanges).toBe(1))
    expect(store.documentProgress).toEqual({
      segments: 3,
      words: 5,
      translatedWords: 0,
      approvedWords: 0,
      byStatus: { new: 3, draft: 0, translated: 0, approved: 0, rejected: 0 },
    })
  })

  test('counts the progress of a document that arrives after it opened without blocking its arrival', async () => {
    const { doc: server } = openDocument()
    const doc = new Y.Doc()
    const store = new SegmentStore(doc)
    await vi.waitFor(() => expect(store.documentProgress).not.toBeNull())
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    expect(store.length).toBe(3)
    expect(store.documentProgress).toBeNull()
    await vi.waitFor(() => expect(store.documentProgress?.words).toBe(5))
  })

  test('counts progress in slices over a long document and stops counting once destroyed', async () => {
    const doc = new Y.Doc()
    const segments = Array.from({ length: 1200 }, (_, i) => ({
      source: `Строка номер ${i}.`,
      paragraph: i,
      before: '\n',
    }))
    const meta = { title: 'Т', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' }
    initDocument(doc, meta, segments, SERVER_ORIGIN)
    const store = new SegmentStore(doc)
    await vi.waitFor(() => expect(store.documentProgress?.words).toBe(3600))
    setStatus(doc, segmentId(segmentAt(doc, 5)!), 'translated', 'u1')
    expect(store.documentProgress?.translatedWords).toBe(3)

    // Both count in the same number of slices; the witness finishing shows the other was stopped.
    const destroyed = new SegmentStore(doc)
    const witness = new SegmentStore(doc)
    destroyed.destroy()
    await vi.waitFor(() => expect(witness.documentProgress).not.toBeNull())
    expect(destroyed.documentProgress).toBeNull()
  })

  test('recomputes progress after a status change, not after typing', async () => {
    const { doc, store, idAt } = openDocument()
    await vi.waitFor(() => expect(store.documentProgress).not.toBeNull())
    let documentChanges = 0
    store.subscribeDocument(() => documentChanges++)
    const before = store.documentProgress
    expect(before?.translatedWords).toBe(0)

    const target = segmentTarget(segmentAt(doc, 0)!)
    doc.transact(() => target.insert(0, 'x'))
    expect(documentChanges).toBe(0)
    expect(store.documentProgress).toBe(before)

    setStatus(doc, idAt(1), 'translated', 'u1')
    expect(documentChanges).toBe(1)
    expect(store.documentProgress?.translatedWords).toBe(2)
  })

  test('statuses for the filter follow status changes and keep their identity otherwise', () => {
    const { doc, store, idAt } = openDocument()
    const before = store.segmentStatuses
    expect(before).toEqual(['new', 'new', 'new'])
    setTargetText(doc, idAt(0), 'الأرشيفات', 'u1')
    expect(store.segmentStatuses).toEqual(['draft', 'new', 'new'])
    const afterDraft = store.segmentStatuses
    segmentTarget(segmentAt(doc, 0)!).insert(0, ' ')
    expect(store.segmentStatuses).toBe(afterDraft)
    setStatus(doc, idAt(2), 'translated', 'u1')
    expect(store.segmentStatuses).toEqual(['draft', 'new', 'translated'])
  })

  test('keeps progress and statuses equal to a full recount through local and remote status changes', async () => {
    const doc = new Y.Doc()
    const segments = Array.from({ length: 40 }, (_, i) => ({
      source: `Строка ${'слово '.repeat(i % 5)}${i}.`,
      paragraph: i,
      before: '\n',
    }))
    const meta = { title: 'Т', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' }
    initDocument(doc, meta, segments, SERVER_ORIGIN)
    const store = new SegmentStore(doc)
    await vi.waitFor(() => expect(store.documentProgress).not.toBeNull())
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    replica.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update))
    const ids = Array.from({ length: 40 }, (_, index) => segmentId(segmentAt(doc, index)!))
    const random = seededRandom(7)

    for (let step = 0; step < 200; step++) {
      const id = pickOne(random, ids)
      const writer = step % 3 === 0 ? replica : doc
      const status = pickOne(random, SEGMENT_STATUSES)
      if (status === 'rejected') rejectSegment(writer, id, 'неточно', 'u1')
      else setStatus(writer, id, status, 'u1')
      expect(store.documentProgress).toEqual(documentProgress(doc))
      expect(store.segmentStatuses).toEqual(readStatuses(doc))
    }
  })
})

function readStatuses(doc: Y.Doc) {
  return Array.from({ length: 40 }, (_, index) => segmentStatus(segmentAt(doc, index)!))
}
