import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  initDocument,
  segmentAt,
  segmentId,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
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

  test('recomputes progress after a status change, not after typing', () => {
    const { doc, store, idAt } = openDocument()
    let documentChanges = 0
    store.subscribeDocument(() => documentChanges++)
    const before = store.documentProgress
    expect(before.translatedWords).toBe(0)

    const target = segmentTarget(segmentAt(doc, 0)!)
    doc.transact(() => target.insert(0, 'x'))
    expect(documentChanges).toBe(0)
    expect(store.documentProgress).toBe(before)

    setStatus(doc, idAt(1), 'translated', 'u1')
    expect(documentChanges).toBe(1)
    expect(store.documentProgress.translatedWords).toBe(2)
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
})
