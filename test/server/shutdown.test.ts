import { afterEach, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import type { Session } from '../support/accounts.ts'
import { connectClient, openRawSocket, syncUrl, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []
const stopLoops: Array<() => void> = []

afterEach(async () => {
  for (const stop of stopLoops.splice(0)) stop()
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

/*
 * A hung shutdown shows as a test timeout with no hint of why; racing it against a generous
 * bound turns it into a failed assertion. The bound is far above a healthy close (well under
 * a second) and the server's own two-second grace for unanswered close frames.
 */
const HUNG_AFTER_MS = 10_000

function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<'settled' | 'hung'> {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms)
  })
  return Promise.race([promise.then(() => 'settled' as const), hung]).finally(() =>
    clearTimeout(timer),
  )
}

async function serverWithDocument() {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
  const translator = await workspace.member('translator')
  return { server, documentId: id, translator }
}

/** A raw socket that opens a new one the moment the server closes it, as an eager client would. */
function reconnectInLoop(serverUrl: string, documentId: string, session: Session) {
  let stopped = false
  let opened = 0
  let current: WebSocket | null = null
  const open = () => {
    if (stopped) return
    const raw = openRawSocket(serverUrl, documentId, session)
    current = raw.socket
    raw.socket.on('open', () => opened++)
    // Refused connections after the listener closed surface here; the loop simply retries.
    raw.socket.on('error', () => undefined)
    raw.opened.catch(() => undefined)
    void raw.closed.then(() => setImmediate(open))
  }
  open()
  stopLoops.push(() => {
    stopped = true
    current?.terminate()
  })
  return { opens: () => opened }
}

test('close finishes while y-websocket clients keep reconnecting', async () => {
  const { server, documentId, translator } = await serverWithDocument()
  for (let i = 0; i < 4; i++) {
    const client = connectClient(server.url, documentId, translator)
    clients.push(client)
    await client.synced()
  }

  expect(await settlesWithin(server.close(), HUNG_AFTER_MS)).toBe('settled')
  for (const client of clients) expect(client.provider.wsconnected).toBe(false)
})

test('close finishes while raw sockets reconnect in a loop, and refuses new ones afterwards', async () => {
  const { server, documentId, translator } = await serverWithDocument()
  const loops = Array.from({ length: 6 }, () => reconnectInLoop(server.url, documentId, translator))
  await waitFor(() => expect(loops.every((loop) => loop.opens() > 0)).toBe(true))

  expect(await settlesWithin(server.close(), HUNG_AFTER_MS)).toBe('settled')
  const late = new WebSocket(`${syncUrl(server.url)}/${documentId}`)
  const outcome = await new Promise<string>((resolve) => {
    late.once('open', () => resolve('open'))
    late.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
  expect(outcome).toBe('ECONNREFUSED')
})
