import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import {
  MAX_REVIEW_NOTE_LENGTH,
  META_KEYS,
  SEGMENT_KEYS,
  initDocument,
  rejectSegment,
  metaMap,
  readSegments,
  segmentAt,
  segmentTarget,
  segmentsArray,
  setStatus,
  setTargetText,
  type SegmentStatus,
} from '@qalam/shared/model'
import { judgeUpdate } from './judgeUpdate.ts'
import type { Actor, Decision } from './decision.ts'

const translator: Actor = { role: 'translator', userId: 'u-translator' }
const reviewer: Actor = { role: 'reviewer', userId: 'u-reviewer' }

/** A room's doc with three segments; segment 1 has a translation and the given status. */
function roomDoc(secondStatus: SegmentStatus = 'translated'): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Абай', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '\n' },
    [
      { source: 'Первое предложение.', paragraph: 0, before: '' },
      { source: 'Второе предложение.', paragraph: 0, before: ' ' },
      { source: 'Третье.', paragraph: 1, before: '\n\n' },
    ],
    { kind: 'server' },
  )
  const second = readSegments(doc)[1]!.id
  setTargetText(doc, second, 'Екінші сөйлем.', 'u-translator')
  if (secondStatus !== 'draft') setStatus(doc, second, secondStatus, 'u-reviewer')
  return doc
}

/** A client that has synced `room`; `edit` returns the update its change produces. */
function clientOf(room: Y.Doc) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
  return {
    doc,
    segment: (index: number) => segmentAt(doc, index)!,
    id: (index: number) => readSegments(doc)[index]!.id,
    edit(change: (doc: Y.Doc) => void): Uint8Array {
      const updates: Uint8Array[] = []
      const collect = (update: Uint8Array) => updates.push(update)
      doc.on('update', collect)
      doc.transact(() => change(doc))
      doc.off('update', collect)
      return Y.mergeUpdates(updates)
    },
  }
}

function expectRejected(decision: Decision, reason: string) {
  expect(decision.ok ? 'accepted' : decision.reason).toBe(reason)
}

describe('hostile updates from a translator', () => {
  const cases: Array<[string, string, (client: ReturnType<typeof clientOf>) => void]> = [
    [
      'modifies a source',
      'immutable_field',
      (c) => c.segment(0).set(SEGMENT_KEYS.source, 'Подмена.'),
    ],
    ['removes a source', 'immutable_field', (c) => c.segment(0).delete(SEGMENT_KEYS.source)],
    ['changes a segment id', 'immutable_field', (c) => c.segment(0).set(SEGMENT_KEYS.id, 'mine')],
    [
      'moves a paragraph boundary',
      'immutable_field',
      (c) => c.segment(2).set(SEGMENT_KEYS.paragraph, 0),
    ],
    [
      'rewrites the whitespace before a segment',
      'immutable_field',
      (c) => c.segment(2).set(SEGMENT_KEYS.before, ''),
    ],
    [
      'approves a segment',
      'status_transition',
      (c) => setStatus(c.doc, c.id(1), 'approved', translator.userId),
    ],
    [
      'rejects a segment',
      'status_transition',
      (c) => setStatus(c.doc, c.id(1), 'rejected', translator.userId),
    ],
    [
      'resets a segment to new',
      'status_transition',
      (c) => setStatus(c.doc, c.id(1), 'new', translator.userId),
    ],
    [
      'writes a status that does not exist',
      'invalid_value',
      (c) => c.segment(0).set(SEGMENT_KEYS.status, 'done'),
    ],
    ['removes a status', 'segment_structure', (c) => c.segment(0).delete(SEGMENT_KEYS.status)],
    [
      'replaces a target',
      'segment_structure',
      (c) => c.segment(0).set(SEGMENT_KEYS.target, new Y.XmlText('x')),
    ],
    ['deletes segments', 'segment_deleted', (c) => segmentsArray(c.doc).delete(0, 2)],
    [
      'inserts a segment',
      'segment_inserted',
      (c) => segmentsArray(c.doc).insert(1, [new Y.Map<unknown>()]),
    ],
    [
      'appends a segment with content',
      'segment_inserted',
      (c) => {
        const map = new Y.Map<unknown>()
        segmentsArray(c.doc).push([map])
        map.set(SEGMENT_KEYS.source, 'Лишнее.')
      },
    ],
    ['adds a top-level type', 'unknown_root', (c) => c.doc.getMap('payload').set('x', 1)],
    ['adds a top-level text', 'unknown_root', (c) => c.doc.getText('notes').insert(0, 'hi')],
    ['writes meta', 'meta_write', (c) => metaMap(c.doc).set(META_KEYS.title, 'Другое')],
    ['removes meta', 'meta_write', (c) => metaMap(c.doc).delete(META_KEYS.sourceLang)],
    ['adds an unknown key to a segment', 'outside_model', (c) => c.segment(0).set('comment', 'x')],
    [
      'stores a subdocument in a segment',
      'outside_model',
      (c) => c.segment(0).set(SEGMENT_KEYS.updatedAt, new Y.Doc()),
    ],
    [
      'signs a change with someone else’s id',
      'forged_author',
      (c) => c.segment(0).set(SEGMENT_KEYS.updatedBy, 'u-reviewer'),
    ],
    [
      'writes a non-numeric time',
      'invalid_value',
      (c) => c.segment(0).set(SEGMENT_KEYS.updatedAt, 'yesterday'),
    ],
  ]

  test.each(cases)('rejects an update that %s', (_name, reason, change) => {
    const room = roomDoc()
    const before = Y.encodeStateAsUpdate(room)
    const client = clientOf(room)
    const update = client.edit(() => change(client))
    expectRejected(judgeUpdate(room, update, translator), reason)
    expect(Y.encodeStateAsUpdate(room)).toEqual(before)
  })

  test('rejects a source change hidden among honest edits', () => {
    const room = roomDoc()
    const update = clientOf(room).edit((doc) => {
      setTargetText(doc, readSegments(doc)[0]!.id, 'Бірінші.', translator.userId)
      segmentAt(doc, 2)!.set(SEGMENT_KEYS.source, 'Подмена.')
    })
    expectRejected(judgeUpdate(room, update, translator), 'immutable_field')
  })
})

describe('approved segments are locked', () => {
  test('rejects typing into the target of an approved segment', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit(() => {
      const paragraph = segmentTarget(client.segment(1)).toDelta()[0].insert as Y.XmlText
      paragraph.insert(paragraph.length, '!')
    })
    expectRejected(judgeUpdate(room, update, translator), 'segment_locked')
  })

  test('rejects deleting characters inside an approved target', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit(() => {
      const paragraph = segmentTarget(client.segment(1)).toDelta()[0].insert as Y.XmlText
      paragraph.delete(1, 3)
    })
    expectRejected(judgeUpdate(room, update, translator), 'segment_locked')
  })

  test('rejects clearing an approved target, even by a reviewer who does not reopen it', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit(() => segmentTarget(client.segment(1)).delete(0, 1))
    expectRejected(judgeUpdate(room, update, reviewer), 'segment_locked')
  })

  test('rejects a translator touching the metadata of an approved segment', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit(() => client.segment(1).set(SEGMENT_KEYS.updatedAt, 5))
    expectRejected(judgeUpdate(room, update, translator), 'segment_locked')
  })

  test('rejects a translator reopening an approved segment', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit((doc) => setStatus(doc, client.id(1), 'draft', translator.userId))
    expectRejected(judgeUpdate(room, update, translator), 'status_transition')
  })

  test('judges a status write against the current status even when it was based on an older one', () => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    // The reviewer approves while the translator, not having seen it, sets draft.
    setStatus(room, client.id(1), 'approved', reviewer.userId)
    const update = client.edit((doc) => setStatus(doc, client.id(1), 'draft', translator.userId))
    expectRejected(judgeUpdate(room, update, translator), 'status_transition')
  })

  test('accepts a reviewer who reopens an approved segment and edits it in the same update', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit((doc) => {
      setStatus(doc, client.id(1), 'draft', reviewer.userId)
      setTargetText(doc, client.id(1), 'Түзетілген сөйлем.', reviewer.userId)
    })
    const decision = judgeUpdate(room, update, reviewer)
    expect(decision).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: client.id(1), from: 'approved', to: 'draft' }],
    })
  })
})

describe('review notes', () => {
  test('accepts a reviewer rejecting a segment with a reason', () => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    const update = client.edit((doc) =>
      rejectSegment(doc, client.id(1), 'Терминология', reviewer.userId),
    )
    expect(judgeUpdate(room, update, reviewer)).toMatchObject({
      ok: true,
      statusChanges: [
        { segmentId: client.id(1), from: 'translated', to: 'rejected', reason: 'Терминология' },
      ],
    })
    Y.applyUpdate(room, update)
    expect(readSegments(room)[1]).toMatchObject({ status: 'rejected', reviewNote: 'Терминология' })
  })

  test('accepts a reviewer approving a rejected segment, which clears its note', () => {
    const room = roomDoc('translated')
    rejectSegment(room, readSegments(room)[1]!.id, 'Терминология', reviewer.userId)
    const client = clientOf(room)
    const update = client.edit((doc) => setStatus(doc, client.id(1), 'approved', reviewer.userId))
    expect(judgeUpdate(room, update, reviewer)).toMatchObject({ ok: true })
    Y.applyUpdate(room, update)
    expect(readSegments(room)[1]).toMatchObject({ status: 'approved', reviewNote: '' })
  })

  test('accepts a translator taking a rejected segment back to draft, leaving the note', () => {
    const room = roomDoc('translated')
    rejectSegment(room, readSegments(room)[1]!.id, 'Терминология', reviewer.userId)
    const client = clientOf(room)
    const update = client.edit((doc) => setStatus(doc, client.id(1), 'draft', translator.userId))
    expect(judgeUpdate(room, update, translator)).toMatchObject({ ok: true })
  })

  test('rejects a translator writing a review note', () => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    const update = client.edit(() => client.segment(1).set(SEGMENT_KEYS.reviewNote, 'fine'))
    expectRejected(judgeUpdate(room, update, translator), 'reviewer_only')
  })

  test('rejects a translator removing a review note', () => {
    const room = roomDoc('translated')
    rejectSegment(room, readSegments(room)[1]!.id, 'Терминология', reviewer.userId)
    const client = clientOf(room)
    const update = client.edit(() => client.segment(1).delete(SEGMENT_KEYS.reviewNote))
    expectRejected(judgeUpdate(room, update, translator), 'reviewer_only')
  })

  test('rejects a review note longer than the model allows', () => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    const update = client.edit(() =>
      client.segment(1).set(SEGMENT_KEYS.reviewNote, 'x'.repeat(MAX_REVIEW_NOTE_LENGTH + 1)),
    )
    expectRejected(judgeUpdate(room, update, reviewer), 'invalid_value')
  })

  test('rejects a note on an approved segment that is not reopened', () => {
    const room = roomDoc('approved')
    const client = clientOf(room)
    const update = client.edit(() => client.segment(1).set(SEGMENT_KEYS.reviewNote, 'later'))
    expectRejected(judgeUpdate(room, update, reviewer), 'segment_locked')
  })
})

describe('honest updates', () => {
  test('accepts a translator typing and moving a segment new -> draft -> translated', () => {
    const room = roomDoc()
    const client = clientOf(room)
    const id = client.id(0)
    const typing = client.edit((doc) =>
      setTargetText(doc, id, 'Бірінші сөйлем.', translator.userId),
    )
    const typed = judgeUpdate(room, typing, translator)
    expect(typed).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: id, from: 'new', to: 'draft' }],
    })
    Y.applyUpdate(room, typing)
    const confirm = client.edit((doc) => setStatus(doc, id, 'translated', translator.userId))
    expect(judgeUpdate(room, confirm, translator)).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: id, from: 'draft', to: 'translated' }],
    })
  })

  test('accepts a chain of status writes merged into one update when each step is allowed', () => {
    const room = roomDoc('rejected')
    const client = clientOf(room)
    const first = client.edit((doc) => setStatus(doc, client.id(1), 'draft', translator.userId))
    const second = client.edit((doc) =>
      setStatus(doc, client.id(1), 'translated', translator.userId),
    )
    const decision = judgeUpdate(room, Y.mergeUpdates([first, second]), translator)
    expect(decision).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: client.id(1), from: 'rejected', to: 'translated' }],
    })
  })

  test('rejects a translator jumping from rejected straight to translated', () => {
    const room = roomDoc('rejected')
    const client = clientOf(room)
    const update = client.edit((doc) =>
      setStatus(doc, client.id(1), 'translated', translator.userId),
    )
    expectRejected(judgeUpdate(room, update, translator), 'status_transition')
  })

  test.each([
    ['approves', 'approved'],
    ['rejects', 'rejected'],
  ] as const)('accepts a reviewer who %s a translated segment', (_verb, status) => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    const update = client.edit((doc) => setStatus(doc, client.id(1), status, reviewer.userId))
    expect(judgeUpdate(room, update, reviewer)).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: client.id(1), from: 'translated', to: status }],
    })
  })

  test('accepts an update the room already has, for every role, as it changes nothing', () => {
    const room = roomDoc()
    const everything = Y.encodeStateAsUpdate(room)
    for (const role of ['viewer', 'manager', 'translator'] as const) {
      expect(judgeUpdate(room, everything, { role, userId: 'u' })).toMatchObject({
        ok: true,
        statusChanges: [],
      })
    }
  })
})

describe('roles that may not write', () => {
  test('rejects any change from a viewer as read-only', () => {
    const room = roomDoc()
    const client = clientOf(room)
    const update = client.edit((doc) => setTargetText(doc, client.id(0), 'Сөз.', 'u'))
    expectRejected(judgeUpdate(room, update, { role: 'viewer', userId: 'u' }), 'read_only')
  })
})

describe('a manager works like a translator and a reviewer', () => {
  const manager = { role: 'manager' as const, userId: 'manager-1' }

  test('accepts a manager who edits a target and marks it translated', () => {
    const room = roomDoc()
    const client = clientOf(room)
    const update = client.edit((doc) => {
      setTargetText(doc, client.id(0), 'Сөз.', manager.userId)
      setStatus(doc, client.id(0), 'translated', manager.userId)
    })
    expect(judgeUpdate(room, update, manager)).toMatchObject({
      ok: true,
      statusChanges: [{ segmentId: client.id(0), from: 'new', to: 'translated' }],
    })
  })

  test.each(['approved', 'rejected'] as const)(
    'accepts a manager who sets a translated segment %s',
    (status) => {
      const room = roomDoc('translated')
      const client = clientOf(room)
      const update = client.edit((doc) => setStatus(doc, client.id(1), status, manager.userId))
      expect(judgeUpdate(room, update, manager)).toMatchObject({
        ok: true,
        statusChanges: [{ segmentId: client.id(1), from: 'translated', to: status }],
      })
    },
  )

  test('rejects a manager who sets a segment back to new', () => {
    const room = roomDoc('translated')
    const client = clientOf(room)
    const update = client.edit((doc) => setStatus(doc, client.id(1), 'new', manager.userId))
    expectRejected(judgeUpdate(room, update, manager), 'status_transition')
  })
})

describe('bytes the server cannot place', () => {
  test('rejects bytes that are not an update', () => {
    expectRejected(
      judgeUpdate(roomDoc(), new Uint8Array([200, 1, 2, 3, 4]), translator),
      'malformed',
    )
  })

  test('rejects an update that builds on a change the server never received', () => {
    const room = roomDoc()
    const client = clientOf(room)
    client.edit((doc) => setTargetText(doc, client.id(0), 'Бірінші', translator.userId))
    const next = client.edit(() => {
      const paragraph = segmentTarget(client.segment(0)).toDelta()[0].insert as Y.XmlText
      paragraph.insert(paragraph.length, ' сөйлем.')
    })
    expectRejected(judgeUpdate(room, next, translator), 'clock_gap')
  })

  test('rejects deleting content another client has not written yet', () => {
    const room = roomDoc()
    expectRejected(
      judgeUpdate(room, deleteSetUpdate(424242, 0, 10), translator),
      'unknown_dependency',
    )
  })
})

/** An update that holds nothing but a delete set over `client`'s clocks [clock, clock + len). */
function deleteSetUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, 1) // one client in the delete set
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, 1) // one range
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarUint(encoder, len)
  return encoding.toUint8Array(encoder)
}

describe('protected segments (translate="no") are locked for everyone', () => {
  function protectedRoom(): Y.Doc {
    const doc = new Y.Doc()
    initDocument(
      doc,
      { title: 'Опись', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
      [
        { source: 'Первое предложение.', paragraph: 0, before: '' },
        { source: 'ISBN 978-601-7040-00-0', paragraph: 1, before: '\n\n', isProtected: true },
      ],
      { kind: 'server' },
    )
    return doc
  }

  test('rejects typing into a protected target, even by a reviewer', () => {
    const room = protectedRoom()
    const client = clientOf(room)
    const update = client.edit(() => setTargetText(client.doc, client.id(1), 'ISBN', 'u-reviewer'))
    expectRejected(judgeUpdate(room, update, reviewer), 'segment_locked')
  })

  test('rejects a status change of a protected segment', () => {
    const room = protectedRoom()
    const client = clientOf(room)
    const update = client.edit(() => setStatus(client.doc, client.id(1), 'approved', 'u-reviewer'))
    expectRejected(judgeUpdate(room, update, reviewer), 'segment_locked')
  })

  test('accepts typing into the other segments', () => {
    const room = protectedRoom()
    const client = clientOf(room)
    const update = client.edit(() =>
      setTargetText(client.doc, client.id(0), 'Бірінші.', 'u-translator'),
    )
    expect(judgeUpdate(room, update, translator).ok).toBe(true)
  })
})
