import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { textFingerprint } from '@qalam/shared/formats'
import { SERVER_ORIGIN, initDocument, readSegments } from '@qalam/shared/model'
import { applyReviewRows } from './applyReviewRows.ts'

const meta = {
  title: 'Қолжазба',
  sourceLang: 'ru',
  targetLang: 'kk',
  createdAt: 1_700_000_000_000,
  trailing: '',
}

test('a reviewer’s edit of a protected segment proposes nothing: the segment is locked', () => {
  const doc = new Y.Doc()
  initDocument(
    doc,
    meta,
    [
      { source: 'Рукопись.', paragraph: 0, before: '' },
      { source: 'ISBN 978-601', paragraph: 1, before: '\n', isProtected: true },
    ],
    SERVER_ORIGIN,
  )
  const [open, locked] = readSegments(doc)
  const rows = [open!, locked!].map((segment) => ({
    segmentId: segment.id,
    fingerprint: textFingerprint(''),
    target: 'Қолжазба.',
  }))
  const report = applyReviewRows(
    doc,
    { documentId: 'd', rows, rowsWithoutKey: 0 },
    'u1',
    1,
    SERVER_ORIGIN,
  )
  expect(report).toMatchObject({ matched: 2, changed: 1, lockedSkipped: 1, added: 1 })
  const [first, second] = readSegments(doc)
  expect(first!.suggestions).toHaveLength(1)
  expect(second!.suggestions).toEqual([])
})
