import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { $createTextNode, $getRoot, $isParagraphNode, type LexicalNode } from 'lexical'
import {
  NODE_TYPE_KEY,
  initDocument,
  readSegments,
  segmentAt,
  segmentTarget,
  setTargetTagged,
  type InlineTag,
  type TagRef,
} from '@qalam/shared/model'
import { judgeUpdate, type Actor } from '../../server/sync/validation/index.ts'
import { createHeadlessPeer, type HeadlessPeer } from '../lexical/headlessPeer.ts'
import { $createTagNode, $isTagNode, TagNode } from '../../client/editor/TagNode.ts'

/*
 * Inline tags against the bytes @lexical/yjs really writes for the editor's TagNode: the
 * server accepts exactly the tags of the segment's own list, in the shape the binding writes,
 * and refuses anything else whole.
 */

const translator: Actor = { role: 'translator', userId: 'u-translator' }
const peers: HeadlessPeer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

const bold: InlineTag[] = [
  { kind: 'open', n: 1, label: 'bold', display: '<g id="1" ctype="bold">', data: 'g:1' },
  { kind: 'close', n: 1, label: 'bold', display: '</g>', data: 'g:1' },
  { kind: 'standalone', n: 2, label: 'ph', display: '<x id="2"/>', data: 'x:2' },
]

function room(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Tags', sourceLang: 'en', targetLang: 'kk', createdAt: 1, trailing: '' },
    [
      {
        source: 'The bold word and a break.',
        paragraph: 0,
        before: '',
        tags: bold,
        sourceTags: [
          { kind: 'open', n: 1, offset: 4 },
          { kind: 'close', n: 1, offset: 8 },
          { kind: 'standalone', n: 2, offset: 19 },
        ],
      },
      { source: 'No tags here.', paragraph: 1, before: '\n' },
    ],
    { kind: 'server' },
  )
  return doc
}

function join(doc: Y.Doc, index: number): HeadlessPeer {
  const peer = createHeadlessPeer(Y.encodeStateAsUpdate(doc), index, translator.userId, [TagNode])
  peers.push(peer)
  return peer
}

function send(doc: Y.Doc, peer: HeadlessPeer) {
  return peer.takeUpdates().map((update) => {
    const decision = judgeUpdate(doc, update, translator)
    if (decision.ok) Y.applyUpdate(doc, update)
    return decision
  })
}

const reasons = (decisions: ReturnType<typeof send>) =>
  decisions.flatMap((decision) => (decision.ok ? [] : [decision.reason]))

/** Appends text and tags to the first paragraph, in one editor update. */
function append(peer: HeadlessPeer, ...pieces: Array<string | TagRef>) {
  peer.editor.update(
    () => {
      const paragraph = $getRoot().getFirstChild()
      if (!$isParagraphNode(paragraph)) throw new Error('no paragraph')
      for (const piece of pieces) {
        paragraph.append(typeof piece === 'string' ? $createTextNode(piece) : $createTagNode(piece))
      }
    },
    { discrete: true },
  )
}

function tagsInEditor(peer: HeadlessPeer): string[] {
  return peer.editor.read(() => {
    const paragraph = $getRoot().getFirstChild()
    const children: LexicalNode[] = $isParagraphNode(paragraph) ? paragraph.getChildren() : []
    return children.flatMap((node) => {
      if (!$isTagNode(node)) return []
      const tag = node.getTag()
      return [`${tag.kind}:${tag.n}`]
    })
  })
}

describe('inline tags written by the Lexical binding', () => {
  test('accepts a translator placing the segment tags, and the room reads them in place', () => {
    const doc = room()
    const peer = join(doc, 0)
    append(peer, 'Бұл ', { kind: 'open', n: 1 }, 'қалың', { kind: 'close', n: 1 }, ' сөз')
    append(peer, { kind: 'standalone', n: 2 }, '.')
    expect(reasons(send(doc, peer))).toEqual([])
    const segment = readSegments(doc)[0]!
    expect(segment.target).toBe('Бұл қалың сөз.')
    expect(segment.targetTags).toEqual([
      { kind: 'open', n: 1, offset: 4 },
      { kind: 'close', n: 1, offset: 9 },
      { kind: 'standalone', n: 2, offset: 13 },
    ])
  })

  test('accepts moving a tag chip to another place, which keeps it in the target', () => {
    const doc = room()
    const peer = join(doc, 0)
    append(peer, 'Бұл ', { kind: 'standalone', n: 2 }, 'сөз.')
    expect(reasons(send(doc, peer))).toEqual([])
    peer.editor.update(
      () => {
        const paragraph = $getRoot().getFirstChild()
        if (!$isParagraphNode(paragraph)) throw new Error('no paragraph')
        const chip = paragraph.getChildren().find((node) => $isTagNode(node))
        if (!chip) throw new Error('no chip')
        chip.remove()
        paragraph.append($createTagNode({ kind: 'standalone', n: 2 }))
      },
      { discrete: true },
    )
    expect(reasons(send(doc, peer))).toEqual([])
    expect(readSegments(doc)[0]).toMatchObject({
      target: 'Бұл сөз.',
      targetTags: [{ kind: 'standalone', n: 2, offset: 8 }],
    })
  })

  test('refuses a tag the segment does not have, and stores nothing', () => {
    const doc = room()
    const stored = Y.encodeStateAsUpdate(doc)
    const peer = join(doc, 0)
    append(peer, 'Бұл ', { kind: 'open', n: 7 })
    expect(reasons(send(doc, peer))[0]).toBe('unknown_tag')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stored)
  })

  test('refuses a tag chip in a segment without tags', () => {
    const doc = room()
    const peer = join(doc, 1)
    append(peer, 'Мұнда ', { kind: 'open', n: 1 })
    expect(reasons(send(doc, peer))[0]).toBe('unknown_tag')
  })

  test('loads a target with tags into the editor as chips without writing anything back', () => {
    const doc = room()
    const id = readSegments(doc)[0]!.id
    setTargetTagged(
      doc,
      id,
      {
        text: 'Бұл қалың сөз.',
        tags: [
          { kind: 'open', n: 1, offset: 4 },
          { kind: 'close', n: 1, offset: 9 },
        ],
      },
      'u-translator',
    )
    const peer = join(doc, 0)
    expect(tagsInEditor(peer)).toEqual(['open:1', 'close:1'])
    expect(peer.takeUpdates()).toEqual([])
  })
})

describe('tag nodes not in the binding shape', () => {
  /** An update from a second doc that puts `build(block)` into the first paragraph. */
  function handMade(doc: Y.Doc, build: (block: Y.XmlText) => void): Uint8Array {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(copy)
    const target = segmentTarget(segmentAt(copy, 0)!)
    const block = (target.toDelta() as Array<{ insert: unknown }>)[0]!.insert as Y.XmlText
    copy.transact(() => build(block))
    return Y.encodeStateAsUpdate(copy, before)
  }

  const tagElement = (attributes: Record<string, unknown>, name?: string) => (block: Y.XmlText) => {
    const element = new Y.XmlElement(name)
    block.insertEmbed(0, element)
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, value as string)
    }
  }

  test.each([
    ['an extra attribute', { __kind: 'open', __n: 1, __html: '<b>' }, 'invalid_node'],
    ['an unknown kind', { __kind: 'bold', __n: 1 }, 'invalid_node'],
    ['no number', { __kind: 'open' }, 'invalid_node'],
    ['a number as text', { __kind: 'open', __n: '1' }, 'invalid_node'],
    ['another decorator type', { __kind: 'open', __n: 1 }, 'unknown_node', 'image'],
  ])('refuses a tag node with %s', (_name, attributes, reason, type = 'qalam-tag') => {
    const doc = room()
    const update = handMade(doc, tagElement({ [NODE_TYPE_KEY]: type, ...attributes }))
    expect(judgeUpdate(doc, update, translator)).toMatchObject({ ok: false, reason })
  })

  test('refuses an XmlElement with a node name, which the binding never writes', () => {
    const doc = room()
    const update = handMade(
      doc,
      tagElement({ [NODE_TYPE_KEY]: 'qalam-tag', __kind: 'open', __n: 1 }, 'b'),
    )
    expect(judgeUpdate(doc, update, translator)).toMatchObject({
      ok: false,
      reason: 'unknown_node',
    })
  })

  test('refuses text or nodes put inside a tag node', () => {
    const doc = room()
    setTargetTagged(
      doc,
      readSegments(doc)[0]!.id,
      { text: 'a', tags: [{ kind: 'standalone', n: 2, offset: 1 }] },
      'u-translator',
    )
    const update = handMade(doc, (block) => {
      const element = (block.toDelta() as Array<{ insert: unknown }>).find(
        (op) => op.insert instanceof Y.XmlElement,
      )!.insert as Y.XmlElement
      element.insert(0, [new Y.XmlText('hidden')])
    })
    const decision = judgeUpdate(doc, update, translator)
    expect(decision.ok).toBe(false)
  })

  test.each(['tags', 'sourceTags'])('refuses a client rewriting the segment key "%s"', (key) => {
    const doc = room()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(copy)
    segmentAt(copy, 1)!.set(key, key === 'tags' ? bold : [{ kind: 'open', n: 1, offset: 0 }])
    const update = Y.encodeStateAsUpdate(copy, before)
    expect(judgeUpdate(doc, update, translator)).toMatchObject({
      ok: false,
      reason: 'immutable_field',
    })
  })

  test('accepts the tag node a server-side import writes, in the same shape', () => {
    const doc = room()
    const update = handMade(
      doc,
      tagElement({ [NODE_TYPE_KEY]: 'qalam-tag', __kind: 'close', __n: 1 }),
    )
    expect(judgeUpdate(doc, update, translator)).toMatchObject({ ok: true })
  })
})
