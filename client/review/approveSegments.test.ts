import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  initDocument,
  readSegments,
  rejectSegment,
  type SegmentStatus,
} from '@qalam/shared/model'
import { approveSegments } from './approveSegments.ts'

function documentWith(statuses: SegmentStatus[]): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 't', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    statuses.map((status, index) => ({
      source: `Предложение ${index}.`,
      paragraph: 0,
      before: ' ',
      target: `Сөйлем ${index}.`,
      status,
    })),
    SERVER_ORIGIN,
  )
  return doc
}

describe('approve all in view', () => {
  test('approves exactly the given segments in one update, as the reviewer', () => {
    const doc = documentWith(['translated', 'translated', 'draft', 'translated'])
    const [first, , , fourth] = readSegments(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    approveSegments(doc, [first!.id, fourth!.id], 'reviewer-1')
    expect(updates).toHaveLength(1)
    expect(readSegments(doc).map((segment) => segment.status)).toEqual([
      'approved',
      'translated',
      'draft',
      'approved',
    ])
    expect(readSegments(doc)[3]!.updatedBy).toBe('reviewer-1')
  })

  test('an approval clears the note of an earlier rejection', () => {
    const doc = documentWith(['translated'])
    const [only] = readSegments(doc)
    rejectSegment(doc, only!.id, 'Терминология', 'reviewer-1')
    approveSegments(doc, [only!.id], 'reviewer-1')
    expect(readSegments(doc)[0]).toMatchObject({ status: 'approved', reviewNote: '' })
  })

  test('nothing to approve writes nothing', () => {
    const doc = documentWith(['draft'])
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    approveSegments(doc, [], 'reviewer-1')
    expect(updates).toEqual([])
  })
})
