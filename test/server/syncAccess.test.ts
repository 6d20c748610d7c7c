import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, createUser } from '../support/accounts.ts'
import { writeQueryAwareness, writeSyncStep1 } from '../../server/sync/protocol.ts'
import { awarenessMessage } from '../support/awarenessMessage.ts'
import { connectClient, openRawSocket, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(overrides)
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: 'Первое. Второе.' })
  return { server, workspace, documentId: id }
}

/** What an upgrade attempt ended in: the HTTP status it was refused with, or the close code. */
function attempt(socket: ReturnType<typeof openRawSocket>) {
  return new Promise<{ status?: number; code?: number }>((resolve) => {
    socket.socket.once('unexpected-response', (_request, response) =>
      resolve({ status: response.statusCode ?? 0 }),
    )
    socket.closed.then(({ code }) => resolve({ code }))
  })
}

describe('who may open a document’s socket', () => {
  test('refuses a cross-origin upgrade with 403, before any session is looked at', async () => {
    const { server, workspace, documentId } = await setup()
    const evil = openRawSocket(server.url, documentId, {
      session: workspace.admin,
      origin: 'https://evil.example',
    })
    expect(await attempt(evil)).toEqual({ status: 403 })
    expect(evil.received).toEqual([])
    expect(server.logs.some((entry) => entry.event === 'sync.origin_refused')).toBe(true)
  })

  test('accepts the server’s own origin and configured ones', async () => {
    const { server, workspace, documentId } = await setup({
      allowedOrigins: ['http://localhost:5173'],
    })
    for (const origin of [server.url, 'http://localhost:5173']) {
      const client = connectClient(server.url, documentId, { session: workspace.admin, origin })
      clients.push(client)
      await client.synced()
    }
    const other = openRawSocket(server.url, documentId, {
      session: workspace.admin,
      origin: 'http://localhost:5174',
    })
    expect(await attempt(other)).toEqual({ status: 403 })
  })

  test('closes a socket without a session with 4401 before sending anything', async () => {
    const { server, documentId } = await setup()
    const anonymous = openRawSocket(server.url, documentId)
    expect((await anonymous.closed).code).toBe(4401)
    expect(anonymous.received).toEqual([])
    const forged = openRawSocket(server.url, documentId, {
      session: {
        user: { id: 'x', username: 'x', isAdmin: true },
        cookie: 'qalam_session=forged',
        password: '',
      },
    })
    expect((await forged.closed).code).toBe(4401)
  })

  test('closes a non-member’s socket with 4404, as for a document that does not exist', async () => {
    const { server, workspace, documentId } = await setup()
    const outsider = await createUser(server.url, workspace.admin, 'outsider')
    const socket = openRawSocket(server.url, documentId, outsider)
    expect(await socket.closed).toEqual({ code: 4404, reason: 'document not found' })
    expect(socket.received).toEqual([])
    const missing = openRawSocket(server.url, 'no-such-document', outsider)
    expect(await missing.closed).toEqual({ code: 4404, reason: 'document not found' })
  })
})

describe('when membership changes under an open socket', () => {
  test('a removed member is disconnected and cannot come back; a demoted one comes back read-only', async () => {
    const { server, workspace, documentId } = await setup()
    const leaving = await workspace.member('translator')
    const demoted = await workspace.member('translator')
    const a = connectClient(server.url, documentId, leaving)
    const b = connectClient(server.url, documentId, demoted)
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    const codes = { a: [] as number[], b: [] as number[] }
    a.provider.on('connection-close', (event) => event && codes.a.push(event.code))
    b.provider.on('connection-close', (event) => event && codes.b.push(event.code))
    const members = `${server.url}/api/projects/${workspace.projectId}/members`
    const headers = asUser(workspace.admin, { 'content-type': 'application/json' })

    const removed = await fetch(`${members}/${leaving.user.id}`, { method: 'DELETE', headers })
    expect(removed.status).toBe(204)
    // 4000 makes the provider reconnect, and the new attempt is judged under what holds now.
    await waitFor(() => expect(codes.a).toEqual([4000, 4404]))

    const changed = await fetch(`${members}/${demoted.user.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ role: 'viewer' }),
    })
    expect(changed.status).toBe(200)
    await waitFor(() => expect(codes.b).toEqual([4000]))
    await waitFor(() => expect(b.provider.synced).toBe(true))
    const id = readSegments(b.doc)[0]!.id
    setTargetText(b.doc, id, 'Енді тек оқимын.', demoted.user.id)
    const reader = connectClient(server.url, documentId, workspace.admin)
    clients.push(reader)
    await reader.synced()
    expect(readSegments(reader.doc)[0]!.target).toBe('')
    expect(b.provider.wsconnected).toBe(true)
  })
})

/** A y-websocket Awareness message from a client that claims `clientId`, at `clock`. */

describe('awareness limits', () => {
  test('closes a connection whose awareness state is over 4 KB, and relays a normal one', async () => {
    const { server, workspace, documentId } = await setup()
    const watcher = connectClient(server.url, documentId, workspace.admin)
    clients.push(watcher)
    await watcher.synced()
    const translator = await workspace.member('translator')
    const user = { id: translator.user.id, name: 'Aigerim', color: '#c33' }
    const oversized = openRawSocket(server.url, documentId, translator)
    await oversized.opened
    oversized.socket.send(
      awarenessMessage([
        { clientId: 4242, clock: 1, state: { user, segmentId: 'x'.repeat(5000) } },
      ]),
    )
    expect(await oversized.closed).toEqual({ code: 4400, reason: 'awareness_invalid' })
    const sender = openRawSocket(server.url, documentId, translator)
    await sender.opened
    sender.socket.send(
      awarenessMessage([{ clientId: 4243, clock: 1, state: { user, segmentId: 'small' } }]),
    )
    await waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(4243)).toEqual({
        user,
        segmentId: 'small',
      }),
    )
    expect(watcher.provider.awareness.getStates().has(4242)).toBe(false)
    sender.socket.close()
  })

  test('relays at most 20 awareness messages a second from one connection', async () => {
    const { server, workspace, documentId } = await setup()
    const sender = openRawSocket(server.url, documentId, await workspace.member('translator'))
    await sender.opened
    for (let clock = 1; clock <= 200; clock++) {
      sender.socket.send(
        awarenessMessage([{ clientId: 7777, clock: clock, state: { segmentId: `s${clock}` } }]),
      )
    }
    // Messages of one socket are handled in order: the answer to this query shows the state
    // the server kept once it had handled the whole burst. The server also relays each state
    // it keeps to its sender, so the answer is known by what follows it: the sync step 2 that
    // answers a step 1 sent after the query.
    sender.socket.send(writeQueryAwareness())
    sender.socket.send(writeSyncStep1(new Y.Doc()))
    const isSyncStep2 = (message: Uint8Array) => message[0] === 0 && message[1] === 1
    await waitFor(() => expect(sender.received.some(isSyncStep2)).toBe(true))
    const kept = new awarenessProtocol.Awareness(new Y.Doc())
    for (const message of sender.received.slice(0, sender.received.findIndex(isSyncStep2))) {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== 1) continue
      awarenessProtocol.applyAwarenessUpdate(kept, decoding.readVarUint8Array(decoder), null)
    }
    expect(kept.meta.get(7777)).toBeDefined()
    // A burst spans at most two one-second windows; without the limit the clock would be 200.
    expect(kept.meta.get(7777)!.clock).toBeGreaterThanOrEqual(20)
    expect(kept.meta.get(7777)!.clock).toBeLessThanOrEqual(40)
    expect(sender.socket.readyState).toBe(sender.socket.OPEN)
    sender.socket.close()
  })

  test('the last state of a burst over the limit still reaches the room once the second is over', async () => {
    const { server, workspace, documentId } = await setup()
    const sender = openRawSocket(server.url, documentId, await workspace.member('translator'))
    await sender.opened
    // A translator's carets while typing, then the move to the next segment: the last one
    // says where they are, and colleagues skip or ask by it.
    for (let clock = 1; clock <= 60; clock++) {
      sender.socket.send(
        awarenessMessage([{ clientId: 7778, clock, state: { segmentId: `s${clock}` } }]),
      )
    }
    const kept = new awarenessProtocol.Awareness(new Y.Doc())
    await waitFor(() => {
      for (const message of sender.received.splice(0)) {
        const decoder = decoding.createDecoder(message)
        if (decoding.readVarUint(decoder) !== 1) continue
        awarenessProtocol.applyAwarenessUpdate(kept, decoding.readVarUint8Array(decoder), null)
      }
      expect(kept.getStates().get(7778)).toEqual({ segmentId: 's60' })
    })
    expect(kept.meta.get(7778)!.clock).toBe(60)
    sender.socket.close()
  })
})

describe('a manager over the socket', () => {
  test('a manager’s edit and approval are stored like a reviewer’s, a viewer’s are dropped', async () => {
    const { server, workspace, documentId } = await setup()
    const manager = await workspace.member('manager')
    const viewer = await workspace.member('viewer')
    const managing = connectClient(server.url, documentId, manager)
    const viewing = connectClient(server.url, documentId, viewer)
    clients.push(managing, viewing)
    await Promise.all([managing.synced(), viewing.synced()])
    const [first, second] = readSegments(managing.doc)
    setTargetText(managing.doc, first!.id, 'Бірінші.', manager.user.id)
    setStatus(managing.doc, first!.id, 'approved', manager.user.id)
    setTargetText(viewing.doc, second!.id, 'Оқырман.', viewer.user.id)
    const reader = connectClient(server.url, documentId, workspace.admin)
    clients.push(reader)
    await reader.synced()
    await waitFor(() =>
      expect(readSegments(reader.doc).map(({ target, status }) => ({ target, status }))).toEqual([
        { target: 'Бірінші.', status: 'approved' },
        { target: '', status: 'new' },
      ]),
    )
    expect(managing.provider.wsconnected).toBe(true)
  })
})
