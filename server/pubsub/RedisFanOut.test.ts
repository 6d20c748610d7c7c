import { afterEach, describe, expect, test } from 'vitest'
import { deleteKeys, hasRedis, REDIS_URL, uniquePrefix } from '../../test/support/redis.ts'
import { waitFor } from '../../test/support/waitFor.ts'
import { createJsonLogger } from '../logging/index.ts'
import type { FanOutRoom } from '../sync/index.ts'
import { RedisFanOut } from './RedisFanOut.ts'

/** A room that records what the other processes told it. */
function recordingRoom(documentId: string, ownAwareness: Uint8Array | null) {
  const heard: { processId: string; update: Uint8Array }[] = []
  const forgotten: string[] = []
  const room: FanOutRoom = {
    documentId,
    appliedSeq: 0,
    receiveStored: () => undefined,
    catchUp: () => undefined,
    receiveRemoteAwareness: (processId, update) => heard.push({ processId, update }),
    forgetProcess: (processId) => forgotten.push(processId),
    localAwareness: () => ownAwareness,
  }
  return { room, heard, forgotten }
}

describe.skipIf(!hasRedis)('Redis fan-out between two processes', () => {
  const prefix = uniquePrefix('fanout')
  const fanOuts: RedisFanOut[] = []
  const start = (heartbeat = { heartbeatMs: 1000, processTtlMs: 3000 }) => {
    const fanOut = new RedisFanOut({
      url: REDIS_URL,
      prefix,
      log: createJsonLogger(() => undefined),
      ...heartbeat,
      onAccessChange: () => undefined,
    })
    fanOuts.push(fanOut)
    return fanOut
  }
  afterEach(async () => {
    await Promise.all(fanOuts.splice(0).map((fanOut) => fanOut.stop()))
    await deleteKeys(REDIS_URL, prefix)
  })

  test('a presence set before the process knew of the other reaches it once it does', async () => {
    const documentId = 'doc-1'
    const first = start()
    const second = start()
    await waitFor(() => expect(first.isReady() && second.isReady()).toBe(true))
    const firstRoom = recordingRoom(documentId, null)
    first.open(firstRoom.room)
    // The first has subscribed (its query went out, unheard) before the second opens.
    await new Promise((resolve) => setTimeout(resolve, 200))

    const presence = Uint8Array.of(1, 7, 1, 2, 123, 125)
    const secondRoom = recordingRoom(documentId, presence)
    second.open(secondRoom.room)
    // A client of the second sets its presence before the second has heard of the first:
    // nobody follows the document yet, so this is not published.
    second.publishAwareness(documentId, presence)

    // The first answers the second's query with how far its log reaches; hearing of the first
    // that way, the second sends what its own clients show.
    await waitFor(() =>
      expect(firstRoom.heard).toEqual([{ processId: second.processId, update: presence }]),
    )
  })

  test('a process taken for gone and heard from again is asked for its clients’ presence', async () => {
    const documentId = 'doc-2'
    const watcher = start({ heartbeatMs: 200, processTtlMs: 3000 })
    // Says it is alive once, for 400 ms, then not for a minute: a process whose event loop
    // stalls past its heartbeat.
    const stalling = start({ heartbeatMs: 60_000, processTtlMs: 400 })
    await waitFor(() => expect(watcher.isReady() && stalling.isReady()).toBe(true))
    const watching = recordingRoom(documentId, null)
    watcher.open(watching.room)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const presence = Uint8Array.of(1, 9, 1, 2, 123, 125)
    stalling.open(recordingRoom(documentId, presence).room)
    await waitFor(() => expect(watching.heard).toHaveLength(1))

    // The watcher gives the stalling process up, and with it its clients' presence.
    await waitFor(() => expect(watching.forgotten).toEqual([stalling.processId]))
    // It is back: anything it announces brings its presence back with it.
    stalling.publishUpdate({
      documentId,
      seq: 1,
      prevSeq: 0,
      bytes: null,
      storedAt: Date.now(),
      approved: [],
    })
    await waitFor(() => expect(watching.heard).toHaveLength(2))
    expect(watching.heard[1]).toEqual({ processId: stalling.processId, update: presence })
  })
})
