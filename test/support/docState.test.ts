import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { docState } from './docState.ts'

test('a deletion not yet received leaves the state vectors equal but not the states', () => {
  const typist = new Y.Doc()
  typist.getText('target').insert(0, 'қолжазба')
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(typist))
  expect(docState(peer)).toEqual(docState(typist))

  typist.getText('target').delete(2, 1)
  expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(typist))
  expect(docState(peer)).not.toEqual(docState(typist))

  Y.applyUpdate(peer, Y.encodeStateAsUpdate(typist, Y.encodeStateVector(peer)))
  expect(docState(peer)).toEqual(docState(typist))
})

test('a doc that only ever received the deleted letters as deleted has the same state', () => {
  const typist = new Y.Doc()
  const text = typist.getText('target')
  text.insert(0, 'архив')
  text.insert(5, ' қоры')
  text.delete(1, 3)
  const latecomer = new Y.Doc()
  Y.applyUpdate(latecomer, Y.encodeStateAsUpdate(typist))
  expect(docState(latecomer)).toEqual(docState(typist))
  expect(latecomer.getText('target').toString()).toBe('ав қоры')
})
