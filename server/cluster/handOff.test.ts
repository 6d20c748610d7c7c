import { readFileSync } from 'node:fs'
import { afterEach, expect, test } from 'vitest'
import { openSocketPair, type SocketPair } from '../../test/support/socketPair.ts'
import { waitFor } from '../../test/support/waitFor.ts'
import { startReading, stopReading } from './handOff.ts'

/** Bytes the kernel holds unread for the connection from `remotePort` to `localPort` (Linux). */
function unreadBytes(localPort: number, remotePort: number): number {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      const local = parseInt(fields[1]?.split(':').at(-1) ?? '', 16)
      const remote = parseInt(fields[2]?.split(':').at(-1) ?? '', 16)
      if (local === localPort && remote === remotePort)
        return parseInt(fields[4]!.split(':')[1]!, 16)
    }
  }
  throw new Error(`no connection ${remotePort} -> ${localPort}`)
}

let pair: SocketPair | null = null

afterEach(async () => {
  await pair?.close()
  pair = null
})

test('a socket about to be handed over leaves what the client sends next in the kernel, for its new owner', async () => {
  pair = await openSocketPair()
  const { client, accepted: ours, port } = pair
  // Reading as a socket the HTTP server has just parsed an upgrade request from.
  ours.resume()
  ours.pause()
  expect(stopReading(ours)).toBeNull()

  client.write('first frame')
  // Unread by this process: the next owner of the descriptor reads it.
  await waitFor(() => expect(unreadBytes(port, client.localPort!)).toBe('first frame'.length))
  expect(ours.readableLength).toBe(0)

  // Reads start again if the socket is kept after all (a hand-off that failed).
  const received = new Promise<string>((resolve) =>
    ours.once('data', (data) => resolve(String(data))),
  )
  startReading(ours)
  ours.resume()
  expect(await received).toBe('first frame')
})
