import { expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  initDocument,
  readSegments,
  segmentAt,
  segmentTarget,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import { forgeRightOrigin } from '../../test/support/forgedUpdate.ts'
import { checkUpdateStructure } from './checkUpdateStructure.ts'

const check = (update: Uint8Array) => () => checkUpdateStructure(Y.decodeUpdate(update).structs)

test('refuses an item that refers to a later item of its own client, which Yjs cannot apply', () => {
  const forged = forgeRightOrigin(5)
  expect(() => Y.applyUpdate(new Y.Doc(), forged)).toThrow()
  expect(check(forged)).toThrow(/later item/)
})

test('accepts the same update with its genuine reference', () => {
  const genuine = forgeRightOrigin(0)
  expect(check(genuine)).not.toThrow()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, genuine)
  expect(doc.getText('t').toString()).toBe('ba')
})

test('accepts every update the model and the binding write', () => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  initDocument(
    doc,
    { title: 'T', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    [
      { source: 'Один.', paragraph: 0, before: '' },
      { source: 'Два.', paragraph: 0, before: ' ' },
    ],
    { kind: 'server' },
  )
  const [first, second] = readSegments(doc)
  setTargetText(doc, first!.id, 'first line\nsecond', 'u')
  setTargetText(doc, first!.id, 'replaced', 'u')
  setStatus(doc, second!.id, 'approved', 'u')
  const target = segmentTarget(segmentAt(doc, 1)!)
  for (let i = 0; i < 20; i++) {
    doc.transact(() => target.insert(Math.floor(target.length / 2), 'ab'))
    if (i % 3 === 0) doc.transact(() => target.delete(0, 1))
  }
  expect(updates.length).toBeGreaterThan(20)
  for (const update of updates) expect(check(update)).not.toThrow()
  expect(check(Y.encodeStateAsUpdate(doc))).not.toThrow()
})
