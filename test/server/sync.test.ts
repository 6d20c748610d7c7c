import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import {
  readMeta,
  readSegments,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { connectRawPeer } from '../support/rawSyncPeer.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import {
  countLoggedUpdates,
  readStoredDocument,
  readStoredProgress,
} from '../support/storedDocument.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

/** A server with one imported document, a translator and a reviewer in its project. */
async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(overrides)
  const workspace = await createWorkspace(server)
  const imported = await workspace.importDocument({ bytes: SAMPLE_BYTES, sourceLang: 'ru' })
  const translator = await workspace.member('translator')
  const reviewer = await workspace.member('reviewer')
  return {
    server,
    documentId: imported.id,
    segments: imported.segments,
    admin: workspace.admin,
    translator,
    reviewer,
  }
}

async function join(serverUrl: string, documentId: string, session: Session): Promise<SyncClient> {
  const client = connectClient(serverUrl, documentId, session)
  clients.push(client)
  await client.synced()
  return client
}

function idOf(client: SyncClient, index: number): string {
  return readSegments(client.doc)[index]!.id
}

function expectSameState(a: Y.Doc, b: Y.Doc): void {
  expect(readSegments(a)).toEqual(readSegments(b))
  expect(readMeta(a)).toEqual(readMeta(b))
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
}

describe('sync', () => {
  test('a client receives the imported document when it connects', async () => {
    const { server, documentId, segments, translator } = await setup()
    const client = await join(server.url, documentId, translator)
    expect(readSegments(client.doc)).toHaveLength(segments)
    expect(readMeta(client.doc).sourceLang).toBe('ru')
  })

  test('two clients converge after concurrent edits and a later client receives everything', async () => {
    const { server, documentId, translator, reviewer } = await setup()
    const a = await join(server.url, documentId, translator)
    const b = await join(server.url, documentId, reviewer)
    const userA = translator.user.id
    const userB = reviewer.user.id

    // Both edit before either sees the other's changes; segment 2 is edited by both.
    setTargetText(a.doc, idOf(a, 0), 'Бірінші сөйлем', userA)
    setTargetText(b.doc, idOf(b, 1), 'Екінші сөйлем', userB)
    setStatus(a.doc, idOf(a, 6), 'translated', userA)
    setStatus(b.doc, idOf(b, 5), 'approved', userB)
    setTargetText(a.doc, idOf(a, 2), 'AAA', userA)
    setTargetText(b.doc, idOf(b, 2), 'BBB', userB)

    await waitFor(() => expectSameState(a.doc, b.doc))
    const merged = readSegments(a.doc)
    expect(merged[0]!.target).toBe('Бірінші сөйлем')
    expect(merged[1]!.target).toBe('Екінші сөйлем')
    // Each wrote a paragraph into the empty target; both paragraphs survive, in either order.
    expect(merged[2]!.target).toMatch(/^(AAA\nBBB|BBB\nAAA)$/)
    expect(merged.map((segment) => segment.status).slice(0, 7)).toEqual([
      'draft',
      'draft',
      'draft',
      'new',
      'new',
      'approved',
      'translated',
    ])
    expect(merged[5]!.updatedBy).toBe(userB)

    const late = await join(server.url, documentId, translator)
    await waitFor(() => expectSameState(late.doc, a.doc))
  })

  test('does not store updates that repeat what the room already has', async () => {
    const { server, documentId, translator } = await setup()
    const client = await join(server.url, documentId, translator)
    setTargetText(client.doc, idOf(client, 0), 'Аударма', translator.user.id)
    await waitFor(() =>
      expect(readSegments(readStoredDocument(server.databaseFile, documentId))[0]!.target).toBe(
        'Аударма',
      ),
    )
    const logged = countLoggedUpdates(server.databaseFile, documentId)

    // A reconnect sends the client's whole state in SyncStep2; the server has all of it.
    client.provider.disconnect()
    client.provider.connect()
    await client.synced()
    const again = await join(server.url, documentId, translator)
    await waitFor(() => expectSameState(again.doc, client.doc))
    expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(logged)
  })

  test('folds the log into a snapshot every few updates', async () => {
    const { server, documentId, translator } = await setup({ compactEveryUpdates: 5 })
    const client = await join(server.url, documentId, translator)
    for (let i = 0; i < 12; i++) {
      setTargetText(client.doc, idOf(client, 0), `edit ${i}`, translator.user.id)
    }
    await waitFor(() =>
      expect(readSegments(readStoredDocument(server.databaseFile, documentId))[0]!.target).toBe(
        'edit 11',
      ),
    )
    // Compaction runs beside the updates (its snapshot encoded in a worker), so it catches up.
    await waitFor(() => expect(countLoggedUpdates(server.databaseFile, documentId)).toBeLessThan(5))
  })

  test('unloads a room after its last client leaves, compacted, and reloads it intact', async () => {
    const { server, documentId, translator } = await setup({ unloadDelayMs: 50 })
    const client = await join(server.url, documentId, translator)
    setTargetText(client.doc, idOf(client, 4), 'Сақталды', translator.user.id)
    setStatus(client.doc, idOf(client, 4), 'translated', translator.user.id)
    await waitFor(() => expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(2))
    const expected = Y.encodeStateAsUpdate(client.doc)
    client.destroy()
    clients.splice(clients.indexOf(client), 1)

    await waitFor(() => expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(0))
    expect(readStoredProgress(server.databaseFile, documentId)).toMatchObject({
      byStatus: { translated: 1, new: 15 },
    })

    const reference = new Y.Doc()
    Y.applyUpdate(reference, expected)
    const back = await join(server.url, documentId, translator)
    expectSameState(back.doc, reference)
  })

  test('relays awareness and removes a client from it when the client disconnects', async () => {
    const { server, documentId, translator, reviewer } = await setup()
    const a = await join(server.url, documentId, translator)
    const b = await join(server.url, documentId, reviewer)
    const state = {
      user: { id: translator.user.id, name: 'Aigerim', color: '#c33' },
      segmentId: idOf(a, 2),
    }
    a.provider.awareness.setLocalState(state)
    await waitFor(() => expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual(state))

    const late = await join(server.url, documentId, translator)
    await waitFor(() =>
      expect(late.provider.awareness.getStates().get(a.doc.clientID)).toEqual(state),
    )

    a.provider.disconnect()
    await waitFor(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false))
  })

  test('the document list shows live progress of an open document', async () => {
    const { server, documentId, reviewer, admin } = await setup()
    const client = await join(server.url, documentId, reviewer)
    setTargetText(client.doc, idOf(client, 0), 'Дайын', reviewer.user.id)
    setStatus(client.doc, idOf(client, 0), 'translated', reviewer.user.id)
    setStatus(client.doc, idOf(client, 1), 'approved', reviewer.user.id)

    await waitFor(async () => {
      const response = await fetch(`${server.url}/api/documents`, { headers: asUser(admin) })
      const { documents } = (await response.json()) as {
        documents: Array<{ id: string; progress: { byStatus: Record<string, number> } }>
      }
      const progress = documents.find((d) => d.id === documentId)!.progress
      expect(progress.byStatus).toMatchObject({ translated: 1, approved: 1, new: 14 })
    })
    const one = await fetch(`${server.url}/api/documents/${documentId}`, {
      headers: asUser(reviewer),
    })
    const summary = (await one.json()) as { progress: { translatedWords: number } }
    expect(summary.progress.translatedWords).toBeGreaterThan(0)
  })
})

test('an edit that builds on offline edits the server has not received yet brings a resync, not a refusal', async () => {
  const { server, documentId, translator, reviewer } = await setup()
  const watcher = await join(server.url, documentId, reviewer)
  const peer = connectRawPeer(server.url, documentId, translator)
  await peer.synced
  const id = readSegments(peer.doc)[0]!.id
  // Made while "offline": in the peer's doc, never sent.
  setTargetText(peer.doc, id, 'Бірінші', translator.user.id)
  // Typed right after reconnecting, sent before anything else: it builds on the edit above.
  peer.send(() => {
    const paragraph = segmentTarget(segmentAt(peer.doc, 0)!).toDelta()[0].insert as Y.XmlText
    paragraph.insert(paragraph.length, ' сөйлем.')
  })
  // The server asks again (SyncStep1); the peer's answer carries both edits.
  await waitFor(() => expect(readSegments(watcher.doc)[0]!.target).toBe('Бірінші сөйлем.'))
  expect(peer.raw.socket.readyState).toBe(peer.raw.socket.OPEN)
  peer.close()
})

describe('keepalive', () => {
  test('drops a connection that stops answering pings and keeps one that answers', async () => {
    // A pong must come back within one interval: 30 ms was too short for the answering client
    // on a loaded machine, which was then dropped as dead too.
    const { server, documentId, translator } = await setup({ pingIntervalMs: 500 })
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${documentId}`
    const headers = asUser(translator)
    const silent = new WebSocket(url, { autoPong: false, headers })
    const answering = new WebSocket(url, { headers })
    let pingsAnswered = 0
    answering.on('ping', () => pingsAnswered++)
    const silentClosed = new Promise<number>((resolve) => silent.once('close', resolve))

    // 1006: terminated without a close frame, as a dead peer would never read one.
    expect(await silentClosed).toBe(1006)
    await waitFor(() => expect(pingsAnswered).toBeGreaterThanOrEqual(4))
    expect(answering.readyState).toBe(WebSocket.OPEN)
    answering.close()
  })
})
