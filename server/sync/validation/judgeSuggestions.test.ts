import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  acceptSuggestion,
  addSuggestions,
  dismissSuggestion,
  initDocument,
  readSegments,
  SEGMENT_KEYS,
  segmentAt,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { judgeUpdate } from './judgeUpdate.ts'
import type { Actor, Decision } from './decision.ts'

const translator: Actor = { role: 'translator', userId: 'u-translator' }
const reviewer: Actor = { role: 'reviewer', userId: 'u-reviewer' }
const viewer: Actor = { role: 'viewer', userId: 'u-viewer' }

/** A room whose two segments each have a suggestion from a review table; the second is approved. */
function roomDoc(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Абай', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    [
      { source: 'Первое.', paragraph: 0, before: '' },
      { source: 'Второе.', paragraph: 1, before: '\n' },
    ],
    { kind: 'server' },
  )
  const [first, second] = readSegments(doc)
  setTargetText(doc, first!.id, 'Бірінші.', 'u-translator')
  setTargetText(doc, second!.id, 'Екінші.', 'u-translator')
  setStatus(doc, second!.id, 'approved', 'u-reviewer')
  addSuggestions(
    doc,
    [
      { segmentId: first!.id, proposal: { text: 'Бірінші сөйлем.', tags: [] } },
      { segmentId: second!.id, proposal: { text: 'Екінші сөйлем.', tags: [] } },
    ],
    { author: 'u-manager', origin: 'review-docx', now: 5 },
    { kind: 'server' },
  )
  return doc
}

/** The update `change` makes on a synced copy of `room`. */
function updateOf(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  change(doc)
  return Y.mergeUpdates(updates)
}

function verdict(decision: Decision): string {
  return decision.ok ? 'accepted' : decision.reason
}

const user = (actor: Actor) => ({ kind: 'user', userId: actor.userId }) as const

describe('suggestions in the update validation', () => {
  test('a translator accepts a suggestion: target, status and removal in one accepted update', () => {
    const room = roomDoc()
    const update = updateOf(room, (doc) => {
      const segment = readSegments(doc)[0]!
      expect(
        acceptSuggestion(doc, segment.id, segment.suggestions[0]!.id, user(translator)),
      ).not.toBeNull()
    })
    expect(verdict(judgeUpdate(room, update, translator))).toBe('accepted')
    Y.applyUpdate(room, update)
    expect(readSegments(room)[0]).toMatchObject({ target: 'Бірінші сөйлем.', suggestions: [] })
  })

  test('a translator dismisses a suggestion', () => {
    const room = roomDoc()
    const update = updateOf(room, (doc) => {
      const segment = readSegments(doc)[0]!
      dismissSuggestion(doc, segment.id, segment.suggestions[0]!.id, user(translator))
    })
    expect(verdict(judgeUpdate(room, update, translator))).toBe('accepted')
  })

  test('nobody but the server adds a suggestion, to a list that exists or a new one', () => {
    const room = roomDoc()
    const [first] = readSegments(room)
    const pushed = updateOf(room, (doc) =>
      addSuggestions(
        doc,
        [{ segmentId: first!.id, proposal: { text: 'Басқа.', tags: [] } }],
        { author: 'u-translator', origin: 'review-docx', now: 6 },
        user(translator),
      ),
    )
    expect(verdict(judgeUpdate(room, pushed, translator))).toBe('suggestion_added')
    expect(verdict(judgeUpdate(room, pushed, reviewer))).toBe('suggestion_added')
  })

  test("an approved segment's suggestions stay until it is reopened", () => {
    const room = roomDoc()
    // Removed straight from the list, past the model's own check, as a hostile client would.
    const removal = updateOf(room, (doc) => {
      const suggestions = segmentAt(doc, 1)!.get(SEGMENT_KEYS.suggestions) as Y.Array<unknown>
      doc.transact(() => suggestions.delete(0, 1))
    })
    expect(verdict(judgeUpdate(room, removal, translator))).toBe('segment_locked')
    expect(verdict(judgeUpdate(room, removal, reviewer))).toBe('segment_locked')
    const reopenAndDismiss = updateOf(room, (doc) => {
      const segment = readSegments(doc)[1]!
      doc.transact(() => {
        setStatus(doc, segment.id, 'translated', reviewer.userId)
        dismissSuggestion(doc, segment.id, segment.suggestions[0]!.id, user(reviewer))
      })
    })
    expect(verdict(judgeUpdate(room, reopenAndDismiss, reviewer))).toBe('accepted')
    const segment = readSegments(room)[1]!
    expect(dismissSuggestion(room, segment.id, segment.suggestions[0]!.id, user(translator))).toBe(
      false,
    )
  })

  test('a viewer may not settle a suggestion', () => {
    const room = roomDoc()
    const update = updateOf(room, (doc) => {
      const segment = readSegments(doc)[0]!
      dismissSuggestion(doc, segment.id, segment.suggestions[0]!.id, user(viewer))
    })
    expect(verdict(judgeUpdate(room, update, viewer))).toBe('read_only')
  })
})
