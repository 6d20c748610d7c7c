import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { changesDocument } from './updateEffect.ts'

function decoded(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update)
  return { bytes: update, structs, deleteSet: ds }
}

function capture(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null
  const onUpdate = (update: Uint8Array) => (captured = update)
  doc.on('update', onUpdate)
  change()
  doc.off('update', onUpdate)
  if (!captured) throw new Error('no update')
  return captured
}

test('an update with content the room lacks changes it; the same update again does not', () => {
  const client = new Y.Doc()
  const room = new Y.Doc()
  const insert = capture(client, () => client.getText('t').insert(0, 'hello'))
  expect(changesDocument(room, decoded(insert))).toBe(true)
  Y.applyUpdate(room, insert)
  expect(changesDocument(room, decoded(insert))).toBe(false)
})

test('a full-state SyncStep2 of a peer that has nothing new changes nothing', () => {
  const room = new Y.Doc()
  room.getText('t').insert(0, 'hello')
  room.getText('t').delete(1, 2)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  expect(changesDocument(room, decoded(Y.encodeStateAsUpdate(client)))).toBe(false)
})

test('a deletion of known content changes the room once', () => {
  const client = new Y.Doc()
  client.getText('t').insert(0, 'hello')
  const room = new Y.Doc()
  Y.applyUpdate(room, Y.encodeStateAsUpdate(client))
  const deletion = capture(client, () => client.getText('t').delete(0, 3))
  expect(changesDocument(room, decoded(deletion))).toBe(true)
  Y.applyUpdate(room, deletion)
  expect(changesDocument(room, decoded(deletion))).toBe(false)
})

test('a deletion of content the room has not seen counts as a change', () => {
  const client = new Y.Doc()
  client.getText('t').insert(0, 'hello')
  const deletion = capture(client, () => client.getText('t').delete(0, 1))
  expect(changesDocument(new Y.Doc(), decoded(deletion))).toBe(true)
})
