import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import {
  MessageType,
  readClientMessage,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.ts'

/** A message exactly as y-websocket's client builds it. */
function clientMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

describe('readClientMessage', () => {
  test('reads the SyncStep1 a y-websocket client sends', () => {
    const doc = docWithText('hello')
    const bytes = clientMessage((encoder) => {
      encoding.writeVarUint(encoder, MessageType.Sync)
      syncProtocol.writeSyncStep1(encoder, doc)
    })
    const message = readClientMessage(bytes)
    expect(message).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) })
  })

  test('reads SyncStep2 and Update with their updates decoded', () => {
    const doc = docWithText('hello')
    const step2 = readClientMessage(
      clientMessage((encoder) => {
        encoding.writeVarUint(encoder, MessageType.Sync)
        syncProtocol.writeSyncStep2(encoder, doc)
      }),
    )
    const update = Y.encodeStateAsUpdate(doc)
    const incremental = readClientMessage(
      clientMessage((encoder) => {
        encoding.writeVarUint(encoder, MessageType.Sync)
        syncProtocol.writeUpdate(encoder, update)
      }),
    )
    expect(step2.kind).toBe('syncStep2')
    expect(incremental.kind).toBe('update')
    if (incremental.kind !== 'update') throw new Error('unreachable')
    expect(incremental.update.bytes).toEqual(update)
    expect(incremental.update.structs).toHaveLength(1)
  })

  test('reads awareness entries and query-awareness', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { id: 'u1', name: 'Aigerim', color: '#f00' }, segmentId: 's1' })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const message = readClientMessage(
      clientMessage((encoder) => {
        encoding.writeVarUint(encoder, MessageType.Awareness)
        encoding.writeVarUint8Array(encoder, update)
      }),
    )
    expect(message).toEqual({
      kind: 'awareness',
      entries: [
        {
          clientId: doc.clientID,
          clock: 1,
          stateJson: new TextEncoder().encode(JSON.stringify(awareness.getLocalState())),
        },
      ],
    })
    expect(readClientMessage(new Uint8Array([MessageType.QueryAwareness]))).toEqual({
      kind: 'queryAwareness',
    })
    awareness.destroy()
  })

  test.each([
    ['an empty frame', new Uint8Array([])],
    ['a truncated varint', new Uint8Array([0x80])],
    ['an unknown message type', new Uint8Array([7])],
    ['an Auth message, which only servers send', new Uint8Array([MessageType.Auth, 0])],
    ['an unknown sync type', new Uint8Array([MessageType.Sync, 9, 0])],
    ['a payload shorter than its length', new Uint8Array([MessageType.Sync, 2, 10, 1, 2])],
    ['trailing bytes', new Uint8Array([MessageType.QueryAwareness, 0])],
    [
      'an update that is not a Yjs update',
      new Uint8Array([MessageType.Sync, 2, 3, 0xff, 0xff, 0xff]),
    ],
    [
      'awareness with more entries than any room has people',
      new Uint8Array([MessageType.Awareness, 2, 0xe9, 0x07]),
    ],
  ])('refuses %s', (_name, bytes) => {
    expect(() => readClientMessage(bytes)).toThrow()
  })

  test('refuses a real update cut short at every length', () => {
    const message = writeUpdate(Y.encodeStateAsUpdate(docWithText('a longer text to cut')))
    for (let length = 0; length < message.length; length++) {
      expect(() => readClientMessage(message.subarray(0, length))).toThrow()
    }
  })
})

describe('server messages', () => {
  test('SyncStep1 then SyncStep2 bring a y-protocols client up to date', () => {
    const server = docWithText('from the server')
    const client = new Y.Doc()

    const step1 = decoding.createDecoder(writeSyncStep1(server))
    expect(decoding.readVarUint(step1)).toBe(MessageType.Sync)
    const reply = encoding.createEncoder()
    expect(syncProtocol.readSyncMessage(step1, reply, client, null)).toBe(
      syncProtocol.messageYjsSyncStep1,
    )

    const step2 = decoding.createDecoder(writeSyncStep2(server, Y.encodeStateVector(client)))
    expect(decoding.readVarUint(step2)).toBe(MessageType.Sync)
    syncProtocol.readSyncMessage(step2, encoding.createEncoder(), client, null)
    expect(client.getText('t').toString()).toBe('from the server')
  })

  test('Update and Awareness carry their payload unchanged', () => {
    const update = Y.encodeStateAsUpdate(docWithText('x'))
    const decoder = decoding.createDecoder(writeUpdate(update))
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Sync)
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate)
    expect(decoding.readVarUint8Array(decoder)).toEqual(update)

    const awareness = decoding.createDecoder(writeAwareness(new Uint8Array([0])))
    expect(decoding.readVarUint(awareness)).toBe(MessageType.Awareness)
    expect(decoding.readVarUint8Array(awareness)).toEqual(new Uint8Array([0]))
  })
})
