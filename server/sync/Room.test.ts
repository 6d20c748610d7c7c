import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { createJsonLogger } from '../logging/index.ts'
import { replayDocument, type DocumentStore, type LoadedDocument } from '../storage/index.ts'
import {
  openStoreWithDocument,
  type StoreWithDocument,
} from '../../test/support/storeWithDocument.ts'
import type { Authorize, Peer } from './authorize.ts'
import { CloseCode } from './closeCodes.ts'
import type { RoomFanOut, StoredUpdate } from './fanOut.ts'
import {
  MessageType,
  SyncType,
  readClientMessage,
  writeSyncStep1,
  writeUpdate,
} from './protocol.ts'
import { createRoom, type Room, type RoomConnection } from './Room.ts'

/** A connection that records what the room sends it. */
class RecordingConnection implements RoomConnection {
  readonly sent: Uint8Array[] = []
  closedWith: number | null = null
  readonly peer: Peer = {
    connectionId: Math.random().toString(36).slice(2),
    userId: 'u-translator',
    role: 'translator',
    projectId: 'p',
  }
  send(message: Uint8Array): void {
    this.sent.push(message)
  }
  close(code: number): void {
    this.closedWith = code
  }
  /** Payloads of the Update messages received, in order. */
  updates(): Uint8Array[] {
    return this.syncPayloads(SyncType.Update)
  }
  /** Payloads of the SyncStep2 messages received, in order. */
  syncStep2s(): Uint8Array[] {
    return this.syncPayloads(SyncType.Step2)
  }
  private syncPayloads(type: number): Uint8Array[] {
    return this.sent.flatMap((message) => {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return []
      if (decoding.readVarUint(decoder) !== type) return []
      return [decoding.readVarUint8Array(decoder)]
    })
  }
}

/** The real SQLite store, with appends held until the test releases them. */
function gateAppends(store: DocumentStore) {
  const held: Array<() => void> = []
  const gated: DocumentStore = {
    ...store,
    async appendJudged(id, afterSeq, judge) {
      const appended = await store.appendJudged(id, afterSeq, judge)
      await new Promise<void>((resolve) => held.push(resolve))
      return appended
    },
  }
  return { gated, held }
}

let fixture: StoreWithDocument
let store: DocumentStore
const log = createJsonLogger(() => {})

beforeEach(async () => {
  fixture = await openStoreWithDocument()
  store = fixture.store
})

afterEach(() => fixture.dispose())

async function openRoom(
  roomStore: DocumentStore,
  authorize?: Authorize,
  compactEveryUpdates = 1000,
) {
  const room = await createRoom('doc', {
    store: roomStore,
    log,
    authorize,
    compactEveryUpdates,
    progressDelayMs: 10_000,
  })
  if (!room) throw new Error('no room')
  return room
}

/** An update message from a client that starts from the room's state and appends `text`. */
function clientUpdate(room: Room, text: string): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc))
  const before = Y.encodeStateVector(client)
  client.getText('t').insert(client.getText('t').length, text)
  return writeUpdate(Y.encodeStateAsUpdate(client, before))
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

test('applies and broadcasts an update only after the store has appended it', async () => {
  const { gated, held } = gateAppends(store)
  const room = await openRoom(gated)
  const sender = new RecordingConnection()
  const watcher = new RecordingConnection()
  room.join(sender)
  room.join(watcher)

  room.receive(sender, readClientMessage(clientUpdate(room, ' one')))
  await settle()
  expect(held).toHaveLength(1)
  expect(watcher.updates()).toHaveLength(0)
  expect(room.doc.getText('t').toString()).toBe('start')

  held.shift()!()
  await settle()
  expect(room.doc.getText('t').toString()).toBe('start one')
  expect(watcher.updates()).toHaveLength(1)
  expect(sender.updates()).toHaveLength(0)
  await room.unload()
})

test('stores and broadcasts the updates of different connections in arrival order', async () => {
  const room = await openRoom(store)
  const a = new RecordingConnection()
  const b = new RecordingConnection()
  const watcher = new RecordingConnection()
  for (const connection of [a, b, watcher]) room.join(connection)

  const messages = [clientUpdate(room, ' A'), clientUpdate(room, ' B'), clientUpdate(room, ' C')]
  room.receive(a, readClientMessage(messages[0]!))
  room.receive(b, readClientMessage(messages[1]!))
  room.receive(a, readClientMessage(messages[2]!))
  while (watcher.updates().length < 3) await settle()

  const structIds = (update: Uint8Array) =>
    Y.decodeUpdate(update).structs.map((struct) => `${struct.id.client}:${struct.id.clock}`)
  const stored = (await store.loadDocument('doc'))!.updates
  expect(stored.map(structIds)).toEqual(watcher.updates().map(structIds))
  expect(stored).toEqual(
    messages.map(
      (message) => (readClientMessage(message) as { update: { bytes: Uint8Array } }).update.bytes,
    ),
  )
  await room.unload()
})

test('a rejected update is neither stored nor applied, and its connection is closed as forbidden', async () => {
  const room = await openRoom(store, () => ({
    kind: 'reject',
    reason: 'immutable_field',
    detail: 'touches a source',
  }))
  const sender = new RecordingConnection()
  const watcher = new RecordingConnection()
  room.join(sender)
  room.join(watcher)
  room.receive(sender, readClientMessage(clientUpdate(room, ' forged')))
  room.receive(sender, readClientMessage(clientUpdate(room, ' more')))
  await settle()
  expect(sender.closedWith).toBe(CloseCode.Forbidden)
  expect(watcher.updates()).toHaveLength(0)
  expect((await store.loadDocument('doc'))!.updates).toHaveLength(0)
  expect(room.doc.getText('t').toString()).toBe('start')
})

test('an ignored update is dropped and the connection stays open', async () => {
  const room = await openRoom(store, () => ({ kind: 'ignore', reason: 'read-only' }))
  const reader = new RecordingConnection()
  room.join(reader)
  room.receive(reader, readClientMessage(clientUpdate(room, ' ignored')))
  await settle()
  expect(reader.closedWith).toBeNull()
  expect((await store.loadDocument('doc'))!.updates).toHaveLength(0)
  expect(room.doc.getText('t').toString()).toBe('start')
})

test('a resync decision drops the update, keeps the connection and asks it again for what the room lacks', async () => {
  const room = await openRoom(store, () => ({ kind: 'resync', reason: 'builds on 7:0' }))
  const sender = new RecordingConnection()
  room.join(sender)
  const joined = sender.sent.length
  room.receive(sender, readClientMessage(clientUpdate(room, ' early')))
  await settle()
  expect(sender.closedWith).toBeNull()
  expect(sender.sent.slice(joined)).toEqual([writeSyncStep1(room.doc)])
  expect((await store.loadDocument('doc'))!.updates).toHaveLength(0)
  expect(room.doc.getText('t').toString()).toBe('start')
})

test('tells the recorder the status moves of an accepted update once it is stored', async () => {
  const recorded: Array<{ userId: string; changes: unknown }> = []
  const room = await createRoom('doc', {
    store,
    log,
    authorize: () => ({
      kind: 'accept',
      targetCharsDelta: 0,
      lateEdits: [],
      statusChanges: [{ segmentId: 's1', from: 'translated', to: 'approved' }],
    }),
    recordStatusChanges: async (peer, { statusChanges }) => {
      // Stored first: the recorder never sees a move the log does not hold.
      expect((await store.loadDocument('doc'))!.updates).toHaveLength(1)
      recorded.push({ userId: peer.userId, changes: statusChanges })
    },
    compactEveryUpdates: 1000,
    progressDelayMs: 10_000,
  })
  const sender = new RecordingConnection()
  room!.join(sender)
  room!.receive(sender, readClientMessage(clientUpdate(room!, ' approved')))
  await vi.waitFor(() => expect(recorded).toHaveLength(1))
  expect(recorded[0]).toEqual({
    userId: 'u-translator',
    changes: [{ segmentId: 's1', from: 'translated', to: 'approved' }],
  })
  await room!.unload()
})

/** Joins a client that has nothing yet and returns the text of the document it is sent. */
async function freshClientText(room: Room): Promise<string> {
  const client = new RecordingConnection()
  room.join(client)
  room.receive(client, readClientMessage(writeSyncStep1(new Y.Doc())))
  await vi.waitFor(() => expect(client.syncStep2s()).toHaveLength(1))
  const doc = new Y.Doc()
  Y.applyUpdate(doc, client.syncStep2s()[0]!)
  room.leave(client)
  return doc.getText('t').toString()
}

test('a client with nothing is never sent a whole document older than the room', async () => {
  const room = await openRoom(store, undefined, 2)
  const writer = new RecordingConnection()
  room.join(writer)
  expect(await freshClientText(room)).toBe('start')

  for (const [text, expected] of [
    [' one', 'start one'],
    // The second update folds the log into a new snapshot (compactEveryUpdates = 2).
    [' two', 'start one two'],
    [' three', 'start one two three'],
  ] as const) {
    room.receive(writer, readClientMessage(clientUpdate(room, text)))
    await vi.waitFor(() => expect(room.doc.getText('t').toString()).toBe(expected))
    expect(await freshClientText(room)).toBe(expected)
  }
  await room.unload()
})

test('a client with nothing gets the stored log as well as the snapshot of a room it loads', async () => {
  const earlier = await openRoom(store)
  const writer = new RecordingConnection()
  earlier.join(writer)
  earlier.receive(writer, readClientMessage(clientUpdate(earlier, ' logged')))
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(1))
  earlier.doc.destroy()

  const room = await openRoom(store)
  expect(await freshClientText(room)).toBe('start logged')
  await room.unload()
})

test('updates that arrive while a compaction is encoded stay in the log, and nothing is lost', async () => {
  // The snapshot's encoding (the worker pool's job in the server) is held until released.
  const encodings: Array<{ stored: LoadedDocument; release: () => void }> = []
  // Started as the room opens, before any update: its first compaction will need it.
  const prepare = vi.fn()
  const room = await createRoom('doc', {
    store,
    log,
    compactEveryUpdates: 3,
    progressDelayMs: 10_000,
    // However small the document, the worker's path: the log as stored, replayed aside.
    inlineCompactionBytes: 0,
    prepareSnapshotEncoding: prepare,
    encodeSnapshot: async (stored) => {
      await new Promise<void>((release) => encodings.push({ stored, release }))
      return Y.encodeStateAsUpdate(replayDocument(stored))
    },
  })
  if (!room) throw new Error('no room')
  expect(prepare).toHaveBeenCalledOnce()
  const writer = new RecordingConnection()
  const watcher = new RecordingConnection()
  room.join(writer)
  room.join(watcher)
  const send = async (text: string, expected: string) => {
    room.receive(writer, readClientMessage(clientUpdate(room, text)))
    await vi.waitFor(() => expect(room.doc.getText('t').toString()).toBe(expected))
  }

  await send(' a', 'start a')
  await send(' b', 'start a b')
  await send(' c', 'start a b c')
  // The third update started a compaction of the log as stored: three updates.
  await vi.waitFor(() => expect(encodings).toHaveLength(1))
  expect(encodings[0]!.stored.updates).toHaveLength(3)
  // Meanwhile the queue goes on: these are stored, applied and broadcast before it ends.
  await send(' d', 'start a b c d')
  await send(' e', 'start a b c d e')
  expect(watcher.updates()).toHaveLength(5)
  encodings[0]!.release()
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(2))

  const stored = (await store.loadDocument('doc'))!
  expect(stored.lastSeq).toBeGreaterThan(encodings[0]!.stored.lastSeq)
  expect(replayDocument(stored).getText('t').toString()).toBe('start a b c d e')
  // And the next compaction folds those two in as well.
  await send(' f', 'start a b c d e f')
  await vi.waitFor(() => expect(encodings).toHaveLength(2))
  expect(encodings[1]!.stored.updates).toHaveLength(3)
  encodings[1]!.release()
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(0))
  expect(
    replayDocument((await store.loadDocument('doc'))!)
      .getText('t')
      .toString(),
  ).toBe('start a b c d e f')
  await room.unload()
})

test('a small document is folded from the room itself, never through the worker, and the log is cut where it stood', async () => {
  const encodeSnapshot = vi.fn(async (stored: LoadedDocument) =>
    Y.encodeStateAsUpdate(replayDocument(stored)),
  )
  const prepare = vi.fn()
  const { gated, held } = gateAppends(store)
  const initialSnapshot = (await store.loadDocument('doc'))!.snapshot
  const room = await createRoom('doc', {
    store: gated,
    log,
    compactEveryUpdates: 2,
    progressDelayMs: 10_000,
    encodeSnapshot,
    prepareSnapshotEncoding: prepare,
  })
  if (!room) throw new Error('no room')
  const writer = new RecordingConnection()
  const watcher = new RecordingConnection()
  room.join(writer)
  room.join(watcher)
  const release = async () => {
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0))
    held.shift()!()
  }

  room.receive(writer, readClientMessage(clientUpdate(room, ' a')))
  await release()
  await vi.waitFor(() => expect(room.doc.getText('t').toString()).toBe('start a'))
  room.receive(writer, readClientMessage(clientUpdate(room, ' b')))
  // The second update is stored but not yet let through: the room holds ' a' alone.
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(2))
  expect((await store.loadDocument('doc'))!.snapshot).toEqual(initialSnapshot)
  await release()
  // Stored, applied, broadcast: the threshold folds the room's doc, both updates with it.
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(0))
  expect(watcher.updates()).toHaveLength(2)
  const folded = (await store.loadDocument('doc'))!
  expect(replayDocument(folded).getText('t').toString()).toBe('start a b')
  expect(folded.lastSeq).toBe(room.appliedSeq)

  // What comes after stays in the log, past the snapshot, until the next threshold.
  room.receive(writer, readClientMessage(clientUpdate(room, ' c')))
  await release()
  await vi.waitFor(async () => expect((await store.loadDocument('doc'))!.updates).toHaveLength(1))
  expect(
    replayDocument((await store.loadDocument('doc'))!)
      .getText('t')
      .toString(),
  ).toBe('start a b c')
  expect(await freshClientText(room)).toBe('start a b c')
  expect(encodeSnapshot).not.toHaveBeenCalled()
  expect(prepare).not.toHaveBeenCalled()
  await room.unload()
  expect((await store.loadDocument('doc'))!.updates).toHaveLength(0)
})

test('unloading waits for a compaction under way, then stores whatever came after it', async () => {
  const encodings: Array<() => void> = []
  const room = await createRoom('doc', {
    store,
    log,
    compactEveryUpdates: 1,
    progressDelayMs: 10_000,
    inlineCompactionBytes: 0,
    encodeSnapshot: async (stored) => {
      await new Promise<void>((release) => encodings.push(release))
      return Y.encodeStateAsUpdate(replayDocument(stored))
    },
  })
  if (!room) throw new Error('no room')
  const writer = new RecordingConnection()
  room.join(writer)
  room.receive(writer, readClientMessage(clientUpdate(room, ' one')))
  await vi.waitFor(() => expect(encodings).toHaveLength(1))
  room.receive(writer, readClientMessage(clientUpdate(room, ' two')))
  await vi.waitFor(() => expect(room.doc.getText('t').toString()).toBe('start one two'))
  room.leave(writer)
  const unloaded = room.unload()
  await settle()
  encodings[0]!()
  await unloaded
  const stored = (await store.loadDocument('doc'))!
  expect(stored.updates).toHaveLength(0)
  expect(replayDocument(stored).getText('t').toString()).toBe('start one two')
})

describe('with other processes (fan-out)', () => {
  /** Records what a room announces; the test delivers it to other rooms by hand. */
  function recordingFanOut() {
    const published: StoredUpdate[] = []
    const fanOut: RoomFanOut = {
      open: () => undefined,
      close: () => undefined,
      publishUpdate: (update) => published.push(update),
      publishAwareness: () => undefined,
    }
    return { fanOut, published }
  }

  async function openWith(fanOut: RoomFanOut) {
    const room = await createRoom('doc', {
      store,
      log,
      fanOut,
      compactEveryUpdates: 1000,
      progressDelayMs: 10_000,
    })
    if (!room) throw new Error('no room')
    return room
  }

  test('applies an announced update in log order, drops a duplicate and reads a gap from the store', async () => {
    const a = recordingFanOut()
    const origin = await openWith(a.fanOut)
    const peer = await openWith(recordingFanOut().fanOut)
    const sender = new RecordingConnection()
    const watcher = new RecordingConnection()
    origin.join(sender)
    peer.join(watcher)

    origin.receive(sender, readClientMessage(clientUpdate(origin, ' one')))
    await vi.waitFor(() => expect(a.published).toHaveLength(1))
    const first = a.published[0]!
    expect(first).toMatchObject({ documentId: 'doc', prevSeq: peer.appliedSeq })
    peer.receiveStored(first)
    await vi.waitFor(() => expect(peer.doc.getText('t').toString()).toBe('start one'))
    expect(watcher.updates()).toHaveLength(1)
    peer.receiveStored(first)
    await settle()
    expect(watcher.updates()).toHaveLength(1)

    // Two more; the peer hears only of the last: it reads both from the log, in order.
    origin.receive(sender, readClientMessage(clientUpdate(origin, ' two')))
    await vi.waitFor(() => expect(a.published).toHaveLength(2))
    origin.receive(sender, readClientMessage(clientUpdate(origin, ' three')))
    await vi.waitFor(() => expect(a.published).toHaveLength(3))
    peer.receiveStored(a.published[2]!)
    await vi.waitFor(() => expect(peer.doc.getText('t').toString()).toBe('start one two three'))
    expect(peer.appliedSeq).toBe(a.published[2]!.seq)
  })

  test('judges an update after what another process stored first, and says where it sits', async () => {
    const a = recordingFanOut()
    const b = recordingFanOut()
    const one = await openWith(a.fanOut)
    const two = await openWith(b.fanOut)
    const first = new RecordingConnection()
    const second = new RecordingConnection()
    one.join(first)
    two.join(second)
    one.receive(first, readClientMessage(clientUpdate(one, ' from one')))
    await vi.waitFor(() => expect(a.published).toHaveLength(1))
    // Room two never heard of it: its own update still lands after it, in both senses.
    two.receive(second, readClientMessage(clientUpdate(two, ' from two')))
    await vi.waitFor(() => expect(b.published).toHaveLength(1))
    expect(b.published[0]!.prevSeq).toBe(a.published[0]!.seq)
    expect(two.doc.getText('t').toString()).toContain('from one')
    expect(second.updates()).toHaveLength(1)
  })
})

test('a store that judges a group twice does not count its characters twice', async () => {
  // As PostgreSQL does when another process appended meanwhile: a judgement with an empty
  // tail, then the one under the lock, which is the one stored.
  const twice: DocumentStore = {
    ...store,
    appendJudged(id, afterSeq, judge) {
      judge({ snapshot: null, updates: [], lastSeq: afterSeq })
      return store.appendJudged(id, afterSeq, judge)
    },
  }
  const counted: number[] = []
  const room = await openRoom(twice, (_peer, change) => {
    counted.push(change.documentTargetChars())
    return { kind: 'accept', statusChanges: [], targetCharsDelta: 5, lateEdits: [] }
  })
  const sender = new RecordingConnection()
  room.join(sender)
  for (const text of [' one', ' two']) {
    const before = room.doc.getText('t').toString()
    room.receive(sender, readClientMessage(clientUpdate(room, text)))
    while (room.doc.getText('t').toString() === before) await settle()
  }
  const start = counted[0]!
  // Both judgements of a group start from the same count, the next group's from one
  // accepted update more: never from what an abandoned judgement added.
  expect(counted).toEqual([start, start, start + 5, start + 5])
})
