import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  readSegments,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { DEFAULT_CONTENT_LIMITS } from '../../server/sync/validation/index.ts'
import type { Session } from '../support/accounts.ts'
import { awarenessMessage } from '../support/awarenessMessage.ts'
import { forgeGc, repeatClientSection } from '../support/forgedUpdate.ts'
import { connectRawPeer, type RawSyncPeer } from '../support/rawSyncPeer.ts'
import { countLoggedUpdates, readStoredDocument } from '../support/storedDocument.ts'
import { connectClient, openRawSocket, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

/*
 * Issue 8, the sync side: each test is one defect the probe found, sent from raw sockets with
 * a real session to a real server. Refused input is refused whole, closed with its named
 * reason, nothing of it stored or relayed; the honest clients go on.
 */

const MAX_DOCUMENT_CHARS = 60_000

let server: TestServer
let workspace: Workspace
let documentId: string
let translator: Session
let reviewer: Session
let observer: SyncClient
const opened: Array<{ close(): void }> = []

beforeAll(async () => {
  server = await startTestServer({
    contentLimits: { ...DEFAULT_CONTENT_LIMITS, maxDocumentChars: MAX_DOCUMENT_CHARS },
  })
  workspace = await createWorkspace(server)
  documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES })).id
  translator = await workspace.member('translator')
  reviewer = await workspace.member('reviewer')
  observer = connectClient(server.url, documentId, workspace.admin)
  await observer.synced()
}, 60_000)

afterAll(async () => {
  for (const socket of opened) socket.close()
  observer?.destroy()
  await server?.dispose()
})

const stored = () => readStoredDocument(server.databaseFile, documentId)
const idAt = (index: number) => readSegments(observer.doc)[index]!.id

async function hostilePeer(options?: Parameters<typeof connectRawPeer>[3]): Promise<RawSyncPeer> {
  const peer = connectRawPeer(server.url, documentId, translator, options)
  opened.push({ close: () => peer.raw.socket.terminate() })
  await peer.synced
  return peer
}

function firstParagraph(doc: Y.Doc, index: number): Y.XmlText {
  return segmentTarget(segmentAt(doc, index)!).toDelta()[0].insert as Y.XmlText
}

/** Sends `update` and expects it refused for `reason` with nothing stored or relayed. */
async function expectRefused(peer: RawSyncPeer, update: Uint8Array, reason: string) {
  // The document as stored, not the file's bytes: the room's own progress saves may touch the
  // file at any moment, unrelated to the refused update.
  const before = Y.encodeStateAsUpdate(stored())
  const logged = countLoggedUpdates(server.databaseFile, documentId)
  const seen = Y.encodeStateVector(observer.doc)
  peer.sendUpdate(update)
  expect(await peer.raw.closed).toEqual({ code: 4403, reason })
  expect(Y.encodeStateAsUpdate(stored())).toEqual(before)
  expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(logged)
  expect(Y.encodeStateVector(observer.doc)).toEqual(seen)
}

describe('updates judged as they will be integrated', () => {
  test('an update with a gap in its sender’s clock is never kept: an approval made meanwhile keeps its text', async () => {
    const attacker = await hostilePeer({ answersResync: false })
    const target = 6
    // Recorded in this order, sent in the other: the second leaves a gap until the first arrives.
    const filler = attacker.record((doc) =>
      setTargetText(doc, idAt(7), 'Толтырғыш.', translator.user.id),
    )
    const rewrite = attacker.record((doc) =>
      setTargetText(doc, idAt(target), 'Аудармашының мәтіні.', translator.user.id),
    )
    attacker.sendUpdate(rewrite)

    const approver = connectClient(server.url, documentId, reviewer)
    opened.push({ close: () => approver.destroy() })
    await approver.synced()
    setTargetText(approver.doc, idAt(target), 'Бекітілген мәтін.', reviewer.user.id)
    setStatus(approver.doc, idAt(target), 'approved', reviewer.user.id)
    await waitFor(() => expect(readSegments(stored())[target]!.status).toBe('approved'))

    attacker.sendUpdate(filler)
    await waitFor(() => expect(readSegments(stored())[7]!.target).toBe('Толтырғыш.'))
    expect(readSegments(stored())[target]).toMatchObject({
      target: 'Бекітілген мәтін.',
      status: 'approved',
    })
    expect(readSegments(observer.doc)[target]!.target).toBe('Бекітілген мәтін.')
  })

  test('an update naming its client in two sections is refused whole: Yjs would keep the second pending, unjudged', async () => {
    const attacker = await hostilePeer({ answersResync: false })
    const first = attacker.record((doc) => firstParagraph(doc, 9).insert(0, 'Бірінші. '))
    const second = attacker.record((doc) => firstParagraph(doc, 10).insert(0, 'Екінші. '))
    const before = Y.encodeStateAsUpdate(stored())
    const logged = countLoggedUpdates(server.databaseFile, documentId)
    attacker.sendUpdate(repeatClientSection(first, second))
    expect((await attacker.raw.closed).code).toBe(4400)
    expect(Y.encodeStateAsUpdate(stored())).toEqual(before)
    expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(logged)
    expect(server.logs.filter((entry) => entry.level === 'error')).toEqual([])
    // The room holds nothing pending: the next honest edit of segment 10 lands alone.
    const honest = connectClient(server.url, documentId, translator)
    opened.push({ close: () => honest.destroy() })
    await honest.synced()
    setTargetText(honest.doc, idAt(10), 'Адал.', translator.user.id)
    await waitFor(() => expect(readSegments(stored())[10]!.target).toBe('Адал.'))
  })

  test('a GC struct for another client’s id is refused, and that client’s next edits arrive', async () => {
    const victimSession = await workspace.member('translator')
    const victim = connectClient(server.url, documentId, victimSession)
    opened.push({ close: () => victim.destroy() })
    await victim.synced()
    const attacker = await hostilePeer()
    const clientId = victim.doc.clientID
    await expectRefused(
      attacker,
      forgeGc(clientId, Y.getState(victim.doc.store, clientId), 500),
      'foreign_gc',
    )

    setTargetText(victim.doc, idAt(8), 'Менің аудармам.', victimSession.user.id)
    await waitFor(() => expect(readSegments(observer.doc)[8]!.target).toBe('Менің аудармам.'))
  })

  test('a GC struct of length 2^40 is refused, even for the sender’s own id', async () => {
    const attacker = await hostilePeer()
    await expectRefused(attacker, forgeGc(attacker.doc.clientID, 0, 2 ** 40), 'clock_overflow')
  })
})

describe('target content limited to what the Lexical model writes', () => {
  test('XmlText nested 5,000 deep inside a target is refused, and the document still loads', async () => {
    const attacker = await hostilePeer()
    const update = attacker.record((doc) => {
      let parent = firstParagraph(doc, 9)
      for (let depth = 0; depth < 5000; depth++) {
        const child = new Y.XmlText()
        parent.insertEmbed(0, child)
        parent = child
      }
    })
    await expectRefused(attacker, update, 'target_depth')
    expect(readSegments(stored())[9]!.target).toBe('')
  })

  test('an embed the model does not list (a Y.Map of type html) is refused', async () => {
    const attacker = await hostilePeer()
    const update = attacker.record((doc) => {
      const embed = new Y.Map<unknown>()
      firstParagraph(doc, 9).insertEmbed(0, embed)
      embed.set('__type', 'html')
      embed.set('__html', '<img src=x onerror=alert(1)>')
    })
    await expectRefused(attacker, update, 'unknown_node')
  })

  test('a target longer than 20,000 characters is refused', async () => {
    const attacker = await hostilePeer()
    const update = attacker.record((doc) =>
      setTargetText(doc, idAt(10), 'ә'.repeat(20_001), translator.user.id),
    )
    await expectRefused(attacker, update, 'segment_too_long')
  })

  test('targets past the document’s limit are refused once the limit is reached', async () => {
    const writerSession = await workspace.member('translator')
    const writer = connectClient(server.url, documentId, writerSession)
    opened.push({ close: () => writer.destroy() })
    await writer.synced()
    const chunk = 'қ'.repeat(19_000)
    for (const index of [11, 12, 13])
      setTargetText(writer.doc, idAt(index), chunk, writerSession.user.id)
    await waitFor(() => expect(readSegments(stored())[13]!.target).toBe(chunk))
    const attacker = await hostilePeer()
    const update = attacker.record((doc) => setTargetText(doc, idAt(14), chunk, translator.user.id))
    await expectRefused(attacker, update, 'document_too_long')
  })

  test('an update of more items than the limit is refused before it is decoded', async () => {
    const attacker = await hostilePeer()
    const items = DEFAULT_CONTENT_LIMITS.maxUpdateItems + 1
    const update = attacker.record((doc) =>
      doc.getArray('flood').push(Array.from({ length: items }, () => 0)),
    )
    await expectRefused(attacker, update, 'update_too_large')
  })
})

const FAKE_IDS = 100_000
const isFake = (id: number) => id >= FAKE_IDS && id < FAKE_IDS + 900

describe('awareness: one client id per connection, its own', () => {
  test('a message carrying hundreds of fake states relays and keeps only the sender’s own', async () => {
    const viewer = await workspace.member('viewer')
    const sender = openRawSocket(server.url, documentId, viewer)
    opened.push({ close: () => sender.socket.terminate() })
    await sender.opened
    const own = 90_001
    const state = (clock: number) => ({ segmentId: `s${clock}` })
    sender.socket.send(awarenessMessage([{ clientId: own, clock: 1, state: state(1) }]))
    const fakes = Array.from({ length: 900 }, (_, index) => ({
      clientId: FAKE_IDS + index,
      clock: 1,
      state: { segmentId: 'x'.repeat(4000) },
    }))
    sender.socket.send(awarenessMessage([...fakes, { clientId: own, clock: 2, state: state(2) }]))
    await waitFor(() => expect(observer.provider.awareness.getStates().get(own)).toEqual(state(2)))
    expect([...observer.provider.awareness.getStates().keys()].filter(isFake)).toEqual([])

    const late = connectClient(server.url, documentId, workspace.admin)
    opened.push({ close: () => late.destroy() })
    await late.synced()
    await waitFor(() => expect(late.provider.awareness.getStates().get(own)).toEqual(state(2)))
    expect([...late.provider.awareness.getStates().keys()].filter(isFake)).toEqual([])
  })

  test('another user’s client id cannot be taken over, nor another user named in a state', async () => {
    const victimSession = await workspace.member('translator')
    const victim = connectClient(server.url, documentId, victimSession)
    opened.push({ close: () => victim.destroy() })
    const victimState = {
      user: { id: victimSession.user.id, name: 'Әлия', color: '#336699' },
      segmentId: null,
    }
    victim.provider.awareness.setLocalState(victimState)
    await waitFor(() =>
      expect(observer.provider.awareness.getStates().get(victim.doc.clientID)).toEqual(victimState),
    )

    const impostor = openRawSocket(server.url, documentId, translator)
    await impostor.opened
    const forged = { ...victimState, user: { ...victimState.user, name: 'Не Әлия' } }
    impostor.socket.send(
      awarenessMessage([{ clientId: victim.doc.clientID, clock: 99, state: forged }]),
    )
    expect(await impostor.closed).toEqual({ code: 4403, reason: 'awareness_foreign_client' })

    const namer = openRawSocket(server.url, documentId, translator)
    await namer.opened
    namer.socket.send(awarenessMessage([{ clientId: 90_002, clock: 1, state: forged }]))
    expect(await namer.closed).toEqual({ code: 4403, reason: 'awareness_identity' })
    expect(observer.provider.awareness.getStates().get(victim.doc.clientID)).toEqual(victimState)
    expect(observer.provider.awareness.getStates().has(90_002)).toBe(false)
  })
})

describe('honest clients are never refused', () => {
  test('edits and deletions made offline arrive on reconnect, whole', async () => {
    const session = await workspace.member('translator')
    const client = connectClient(server.url, documentId, session)
    opened.push({ close: () => client.destroy() })
    await client.synced()
    client.provider.disconnect()
    setTargetText(client.doc, idAt(15), 'Бірінші нұсқа, өшіріледі.', session.user.id)
    setTargetText(client.doc, idAt(15), 'Желіден тыс аударма.', session.user.id)
    setStatus(client.doc, idAt(15), 'translated', session.user.id)
    client.provider.connect()
    await waitFor(() =>
      expect(readSegments(stored())[15]).toMatchObject({
        target: 'Желіден тыс аударма.',
        status: 'translated',
      }),
    )
    const refused = server.logs.filter(
      (entry) => entry.event === 'sync.connection_closed' && entry.userId === session.user.id,
    )
    expect(refused).toEqual([])
  })
})
