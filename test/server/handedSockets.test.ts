import { IncomingMessage } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { openSocketPair, type SocketPair } from '../support/socketPair.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'

/*
 * A WebSocket a cluster's proxy hands to a process never passed that process's accept, so
 * `MAX_CONNECTIONS` (the HTTP server's `maxConnections`) would not see it: the process counts
 * handed sockets itself, against the same cap.
 */

let server: TestServer | null = null
const pairs: SocketPair[] = []
const sockets: Socket[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  for (const pair of pairs.splice(0)) await pair.close()
  await server?.dispose()
  server = null
})

/** A connected pair: the client's end, and the end a proxy would hand over. */
async function socketPair(): Promise<{ client: Socket; handed: Socket }> {
  const pair = await openSocketPair()
  pairs.push(pair)
  return { client: pair.client, handed: pair.accepted }
}

/** The upgrade a browser sends for a document's sync socket, as the proxy read it. */
function upgradeRequest(socket: Socket): IncomingMessage {
  const request = new IncomingMessage(socket)
  request.method = 'GET'
  request.url = '/sync/some-document'
  request.httpVersion = '1.1'
  request.headers = {
    host: 'localhost',
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  }
  return request
}

/** The first bytes the client reads, or '' when its connection ends without any. */
function answer(client: Socket): Promise<string> {
  return new Promise((resolve) => {
    client.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1')))
    client.once('close', () => resolve(''))
    client.on('error', () => undefined)
  })
}

test('a handed WebSocket past MAX_CONNECTIONS is closed unanswered; one within it is served', async () => {
  server = await startTestServer({ maxConnections: 1 })
  // Within the cap (nothing else connected): the sync server takes the upgrade (and closes
  // the WebSocket at once for want of a session).
  const first = await socketPair()
  const served = answer(first.client)
  server.adoptUpgrade(upgradeRequest(first.handed), first.handed, Buffer.alloc(0))
  expect(await served).toMatch(/^HTTP\/1\.1 101 /)
  first.client.destroy()

  // One connection the server accepted itself fills the cap: a handed socket is past it.
  const held = connect(Number(new URL(server.url).port), '127.0.0.1')
  sockets.push(held)
  await new Promise<void>((resolve) => held.once('connect', () => resolve()))
  const past = await socketPair()
  const refused = answer(past.client)
  server.adoptUpgrade(upgradeRequest(past.handed), past.handed, Buffer.alloc(0))
  expect(await refused).toBe('')
})
