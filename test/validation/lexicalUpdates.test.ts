import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { initDocument, readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { judgeUpdate, type Actor } from '../../server/sync/validation/index.ts'
import { createHeadlessPeer, type HeadlessPeer } from '../lexical/headlessPeer.ts'

/*
 * The validator against the bytes @lexical/yjs really produces: a headless Lexical editor
 * bound to a segment's target, typing one character per editor update. Each accepted update
 * is applied to the room and relayed to the other peers, as the sync server will do.
 */

const translator: Actor = { role: 'translator', userId: 'u-translator' }
const reviewer: Actor = { role: 'reviewer', userId: 'u-reviewer' }

const peers: HeadlessPeer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

function room(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Абай жолы', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    [
      { source: 'Мальчик вернулся домой.', paragraph: 0, before: '' },
      { source: 'Мать ждала его.', paragraph: 0, before: ' ' },
      { source: 'Была осень.', paragraph: 1, before: '\n\n' },
    ],
    { kind: 'server' },
  )
  return doc
}

function join(doc: Y.Doc, segmentIndex: number, actor: Actor): HeadlessPeer {
  const peer = createHeadlessPeer(Y.encodeStateAsUpdate(doc), segmentIndex, actor.userId)
  peers.push(peer)
  return peer
}

/** Judges each pending update of `peer`; applies and relays the accepted ones. */
function send(doc: Y.Doc, peer: HeadlessPeer, actor: Actor, others: HeadlessPeer[] = []) {
  const decisions = peer.takeUpdates().map((update) => {
    const decision = judgeUpdate(doc, update, actor)
    if (decision.ok) {
      Y.applyUpdate(doc, update)
      for (const other of others) other.receive(update)
    }
    return decision
  })
  return decisions
}

const rejections = (decisions: ReturnType<typeof send>) =>
  decisions.flatMap((decision) => (decision.ok ? [] : [decision.reason]))

/**
 * Asserts that nothing was accepted and that the first update was refused for `reason`.
 * Later updates of the same burst build on the refused one, so the server does not have
 * their dependencies: the client would be resynced before it could send them.
 */
function expectRefusedFrom(decisions: ReturnType<typeof send>, reason: string) {
  expect(decisions.length).toBeGreaterThan(0)
  expect(decisions.filter((decision) => decision.ok)).toEqual([])
  const reasons = rejections(decisions)
  expect(reasons[0]).toBe(reason)
  const unexpected = reasons
    .slice(1)
    .filter((r) => r !== reason && r !== 'unknown_dependency' && r !== 'clock_gap')
  expect(unexpected).toEqual([])
}

describe('updates from the Lexical binding', () => {
  test('accepts a translator typing, deleting and retyping a segment, and the room holds the text', () => {
    const doc = room()
    const peer = join(doc, 0, translator)
    peer.type('Бала үйге қайтты')
    peer.backspace(6)
    peer.type('оралды.')
    const decisions = send(doc, peer, translator)
    expect(decisions.length).toBeGreaterThan(20)
    expect(rejections(decisions)).toEqual([])
    expect(readSegments(doc)[0]!.target).toBe('Бала үйге оралды.')
  })

  test('accepts a translator clearing a segment with select-all and delete', () => {
    const doc = room()
    setTargetText(doc, readSegments(doc)[1]!.id, 'Анасы оны күтті.', 'u-translator')
    const peer = join(doc, 1, translator)
    expect(peer.text()).toBe('Анасы оны күтті.')
    peer.clear()
    expect(rejections(send(doc, peer, translator))).toEqual([])
    expect(readSegments(doc)[1]!.target).toBe('')
  })

  test('accepts the workflow translated -> approved, then locks the segment for the translator', () => {
    const doc = room()
    const translatorPeer = join(doc, 0, translator)
    translatorPeer.type('Бала үйге оралды.')
    translatorPeer.setStatus('translated')
    expect(rejections(send(doc, translatorPeer, translator))).toEqual([])
    const reviewerPeer = join(doc, 0, reviewer)
    expect(reviewerPeer.text()).toBe('Бала үйге оралды.')

    reviewerPeer.setStatus('approved')
    const approval = send(doc, reviewerPeer, reviewer, [translatorPeer])
    expect(approval).toMatchObject([
      {
        ok: true,
        statusChanges: [
          { segmentId: readSegments(doc)[0]!.id, from: 'translated', to: 'approved' },
        ],
      },
    ])
    expect(translatorPeer.status()).toBe('approved')

    const stored = Y.encodeStateAsUpdate(doc)
    translatorPeer.type(' Кеш болды.')
    expectRefusedFrom(send(doc, translatorPeer, translator), 'segment_locked')
    const resynced = join(doc, 0, translator)
    resynced.backspace(3)
    expectRefusedFrom(send(doc, resynced, translator), 'segment_locked')
    const again = join(doc, 0, translator)
    again.clear()
    expectRefusedFrom(send(doc, again, translator), 'segment_locked')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stored)
    expect(readSegments(doc)[0]!.target).toBe('Бала үйге оралды.')
  })

  test('accepts a reviewer rejecting with a reason; the translator sees it and may fix the segment', () => {
    const doc = room()
    const translatorPeer = join(doc, 1, translator)
    translatorPeer.type('Анасы күтті.')
    translatorPeer.setStatus('translated')
    expect(rejections(send(doc, translatorPeer, translator))).toEqual([])

    const reviewerPeer = join(doc, 1, reviewer)
    reviewerPeer.reject('«Ждала» — күтіп отырды')
    expect(rejections(send(doc, reviewerPeer, reviewer, [translatorPeer]))).toEqual([])
    expect(readSegments(translatorPeer.doc)[1]).toMatchObject({
      status: 'rejected',
      reviewNote: '«Ждала» — күтіп отырды',
    })

    translatorPeer.backspace(6)
    translatorPeer.type('күтіп отырды.')
    translatorPeer.setStatus('draft')
    expect(rejections(send(doc, translatorPeer, translator))).toEqual([])
    expect(readSegments(doc)[1]).toMatchObject({ status: 'draft', target: 'Анасы күтіп отырды.' })
  })

  test('accepts a reviewer who reopens an approved segment and then types into it', () => {
    const doc = room()
    const id = readSegments(doc)[2]!.id
    setTargetText(doc, id, 'Күз еді.', 'u-translator')
    setStatus(doc, id, 'approved', 'u-reviewer')
    const peer = join(doc, 2, reviewer)
    peer.type(' Жапырақтар түсті.')
    expectRefusedFrom(send(doc, peer, reviewer), 'segment_locked')

    const fresh = join(doc, 2, reviewer)
    fresh.setStatus('draft')
    fresh.type(' Жапырақтар түсті.')
    expect(rejections(send(doc, fresh, reviewer))).toEqual([])
    expect(readSegments(doc)[2]).toMatchObject({
      status: 'draft',
      target: 'Күз еді. Жапырақтар түсті.',
    })
  })

  test('accepts two translators typing in different segments at once, and every doc converges', () => {
    const doc = room()
    const first = join(doc, 0, translator)
    const second = join(doc, 1, { role: 'translator', userId: 'u-second' })
    first.type('Бала үйге оралды.')
    second.type('Анасы оны күтті.')
    expect(rejections(send(doc, first, translator, [second]))).toEqual([])
    expect(
      rejections(send(doc, second, { role: 'translator', userId: 'u-second' }, [first])),
    ).toEqual([])
    const texts = readSegments(doc).map((segment) => segment.target)
    expect(texts).toEqual(['Бала үйге оралды.', 'Анасы оны күтті.', ''])
    for (const peer of [first, second]) {
      expect(readSegments(peer.doc).map((segment) => segment.target)).toEqual(texts)
    }
  })

  test('rejects every typed update from a viewer', () => {
    const doc = room()
    const viewer: Actor = { role: 'viewer', userId: 'u-viewer' }
    const peer = join(doc, 0, viewer)
    peer.type('Сөз')
    const stored = Y.encodeStateAsUpdate(doc)
    expectRefusedFrom(send(doc, peer, viewer), 'read_only')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stored)
  })
})
