import { describe, expect, test } from 'vitest'
import { accessMessage, readChannelMessage, writeChannelMessage } from './messages.ts'

describe('messages between server processes', () => {
  test('an announced update reads back as written, with and without its bytes', () => {
    const update = {
      kind: 'update' as const,
      processId: 'p-1',
      seq: 1_234_567,
      prevSeq: 1_234_500,
      storedAt: 1_765_000_000_000,
      bytes: new Uint8Array([1, 2, 3, 0, 255]),
      approved: ['seg-a', 'seg-b'],
    }
    expect(readChannelMessage(writeChannelMessage(update))).toEqual(update)
    const head = { ...update, bytes: null, approved: [] }
    expect(readChannelMessage(writeChannelMessage(head))).toEqual(head)
  })

  test('awareness and its query read back as written', () => {
    const awareness = { kind: 'awareness' as const, processId: 'p', update: new Uint8Array([9]) }
    expect(readChannelMessage(writeChannelMessage(awareness))).toEqual(awareness)
    const query = { kind: 'queryAwareness' as const, processId: 'p' }
    expect(readChannelMessage(writeChannelMessage(query))).toEqual(query)
  })

  test('refuses an unknown kind, trailing bytes and a truncated message', () => {
    expect(() => readChannelMessage(new Uint8Array([7, 1, 0x70]))).toThrow(/unknown/)
    const query = writeChannelMessage({ kind: 'queryAwareness', processId: 'p' })
    expect(() => readChannelMessage(new Uint8Array([...query, 0]))).toThrow(/trailing/)
    const update = writeChannelMessage({
      kind: 'update',
      processId: 'p',
      seq: 2,
      prevSeq: 1,
      storedAt: 1,
      bytes: new Uint8Array([1, 2, 3]),
      approved: [],
    })
    expect(() => readChannelMessage(update.slice(0, update.length - 3))).toThrow()
  })

  test('an access change is checked against its schema', () => {
    const change = { kind: 'changeAccess', userId: 'u', projectId: 'p' }
    expect(accessMessage.parse({ processId: 'p', change })).toEqual({ processId: 'p', change })
    expect(() => accessMessage.parse({ processId: 'p', change: { kind: 'dropTables' } })).toThrow()
  })
})
