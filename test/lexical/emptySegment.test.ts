import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { initDocument, readSegments, segmentAt, segmentTarget } from '@qalam/shared/model'
import { createHeadlessPeer, type HeadlessPeer } from './headlessPeer.ts'

/*
 * Two translators open the same freshly imported segment and type before either has seen the
 * other's edit. Whatever structure the editors find in the target, they must not each create
 * their own: concurrent inserts of a first paragraph both survive the merge, and the
 * translation gains a stray line.
 */

const peers: HeadlessPeer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

function importedDocument(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Абай жолы', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '' },
    [{ source: 'Мальчик вернулся домой.', paragraph: 0, before: '' }],
    { kind: 'server' },
  )
  return doc
}

describe('two translators typing into the same empty segment at once', () => {
  test('keep both texts on one line, with no stray line break', () => {
    const room = importedDocument()
    const opened = Y.encodeStateAsUpdate(room)
    const aigerim = createHeadlessPeer(opened, 0, 'u-aigerim')
    const omar = createHeadlessPeer(opened, 0, 'u-omar')
    peers.push(aigerim, omar)
    aigerim.type('Бала')
    omar.type('үйге')
    // Each editor may answer the other's text with edits of its own (Lexical merges adjacent
    // text nodes), so updates are relayed until both have nothing more to say.
    for (let round = 0; round < 5; round++) {
      const fromAigerim = aigerim.takeUpdates()
      const fromOmar = omar.takeUpdates()
      if (fromAigerim.length === 0 && fromOmar.length === 0) break
      for (const update of [...fromAigerim, ...fromOmar]) Y.applyUpdate(room, update)
      for (const update of fromOmar) aigerim.receive(update)
      for (const update of fromAigerim) omar.receive(update)
    }

    const stored = readSegments(room)[0]!.target
    expect(['Балаүйге', 'үйгеБала']).toContain(stored)
    expect(aigerim.text()).toBe(stored)
    expect(omar.text()).toBe(stored)
  })

  test('an editor opening an empty segment writes nothing until someone types', () => {
    const opened = Y.encodeStateAsUpdate(importedDocument())
    const viewer = createHeadlessPeer(opened, 0, 'u-viewer')
    peers.push(viewer)
    expect(viewer.takeUpdates()).toEqual([])
    expect(viewer.text()).toBe('')
  })

  test('the paragraph the model writes at import is the one Lexical itself would create', () => {
    const doc = importedDocument()
    const modelParagraph = firstBlock(doc)
    // A target as documents imported before the model wrote the paragraph still hold it.
    const bare = importedDocument()
    bare.transact(() => segmentTarget(segmentAt(bare, 0)!).delete(0, 1))
    const peer = createHeadlessPeer(Y.encodeStateAsUpdate(bare), 0, 'u-aigerim')
    peers.push(peer)
    expect(modelParagraph.getAttributes()).toEqual(firstBlock(peer.doc).getAttributes())
    expect(modelParagraph.length).toBe(firstBlock(peer.doc).length)
  })
})

function firstBlock(doc: Y.Doc): Y.XmlText {
  const block = (segmentTarget(segmentAt(doc, 0)!).toDelta() as Array<{ insert: unknown }>)[0]
  if (!(block?.insert instanceof Y.XmlText)) throw new Error('the target holds no paragraph')
  return block.insert
}
