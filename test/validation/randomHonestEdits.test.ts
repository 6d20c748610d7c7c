import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  initDocument,
  readSegments,
  rejectSegment,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
  type SegmentStatus,
} from '@qalam/shared/model'
import { judgeUpdate, type Actor } from '../../server/sync/validation/index.ts'
import { seededRandom } from '../support/seededRandom.ts'

/*
 * No false refusals: seeded random edits that the workflow allows, from two translators and
 * a reviewer, are all accepted, and every doc ends equal to the room's.
 */

const WORDS = ['архив', 'кітап', 'مخطوطة', 'қолжазба', 'цифрлық', 'ترجمة', 'мәдени']

function room(segments: number): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'random', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    Array.from({ length: segments }, (_, i) => ({
      source: `Предложение ${i + 1}.`,
      paragraph: Math.floor(i / 3),
      before: i === 0 ? '' : ' ',
    })),
    { kind: 'server' },
  )
  return doc
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!

/** One edit `actor` may make, chosen from what their own doc shows. */
function honestEdit(doc: Y.Doc, actor: Actor, random: () => number): void {
  const segments = readSegments(doc)
  const isReviewer = actor.role === 'reviewer'
  const open = segments.filter((segment) => isReviewer || segment.status !== 'approved')
  const segment = pick(random, open)
  const roll = random()
  if (segment.status === 'approved') {
    setStatus(doc, segment.id, pick(random, ['draft', 'translated'] as const), actor.userId)
  } else if (roll < 0.25) {
    setTargetText(doc, segment.id, `${pick(random, WORDS)} ${pick(random, WORDS)}`, actor.userId)
  } else if (roll < 0.5) {
    // Typing inside the paragraph, as the Lexical binding writes it.
    const paragraph = segmentTarget(segmentAt(doc, segment.index)!).toDelta()[0]?.insert
    if (paragraph instanceof Y.XmlText) {
      doc.transact(() => paragraph.insert(paragraph.length, pick(random, WORDS)))
    } else {
      setTargetText(doc, segment.id, pick(random, WORDS), actor.userId)
    }
  } else if (isReviewer && roll < 0.7) {
    setStatus(doc, segment.id, 'approved', actor.userId)
  } else if (isReviewer && roll < 0.8) {
    rejectSegment(doc, segment.id, pick(random, WORDS), actor.userId)
  } else {
    const next: SegmentStatus =
      segment.status === 'rejected' ? 'draft' : pick(random, ['draft', 'translated'] as const)
    setStatus(doc, segment.id, next, actor.userId)
  }
}

function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array | undefined {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  change()
  doc.off('update', collect)
  return updates.length ? Y.mergeUpdates(updates) : undefined
}

describe('random honest edits', () => {
  test.each([1, 2, 3])('accepts every one and converges (seed %i)', (seed) => {
    const random = seededRandom(seed)
    const doc = room(30)
    const actors: Actor[] = [
      { role: 'translator', userId: 'u-t1' },
      { role: 'translator', userId: 'u-t2' },
      { role: 'reviewer', userId: 'u-r' },
    ]
    const clients = actors.map(() => {
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      return client
    })
    const refused: string[] = []
    const moves = new Set<string>()
    for (let step = 0; step < 400; step++) {
      const k = Math.floor(random() * actors.length)
      const update = captureUpdate(clients[k]!, () => honestEdit(clients[k]!, actors[k]!, random))
      if (!update) continue
      const decision = judgeUpdate(doc, update, actors[k]!)
      if (!decision.ok) {
        refused.push(`${step} ${actors[k]!.userId}: ${decision.reason} ${decision.detail}`)
        continue
      }
      for (const change of decision.statusChanges) moves.add(`${change.from}->${change.to}`)
      Y.applyUpdate(doc, update)
      clients.forEach((client, other) => other !== k && Y.applyUpdate(client, update))
    }
    expect(refused).toEqual([])
    // The run exercised the whole workflow, not only typing.
    for (const move of [
      'new->draft',
      'draft->translated',
      'translated->approved',
      'approved->draft',
    ]) {
      expect(moves).toContain(move)
    }
    for (const client of clients) expect(readSegments(client)).toEqual(readSegments(doc))
  })

  test('accepts a translator’s offline session sent as one SyncStep2 diff', () => {
    const random = seededRandom(9)
    const doc = room(20)
    const translator: Actor = { role: 'translator', userId: 'u-t1' }
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    for (let step = 0; step < 60; step++) honestEdit(client, translator, random)
    const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc))
    expect(judgeUpdate(doc, diff, translator)).toMatchObject({ ok: true })
    Y.applyUpdate(doc, diff)
    expect(readSegments(doc)).toEqual(readSegments(client))
  })
})
