import * as Y from 'yjs'
import {
  isTagKind,
  joinPieces,
  taggedPieces,
  type PlacedTag,
  type TaggedPiece,
  type TaggedText,
} from './tags.ts'

/*
 * A segment's target is the XmlText that @lexical/yjs binds its root to. Lexical keeps
 * each block (paragraph) as an embedded XmlText with a `__type` attribute, and each text
 * node as an embedded Y.Map of its properties followed by the node's characters. These
 * two functions are the only places that know that layout.
 */

/**
 * The Lexical node types a target may hold, by how @lexical/yjs stores them: block nodes as
 * an XmlText embedded in the target, inline nodes as a Y.Map (of the node's properties)
 * embedded in a block. The server refuses any other `__type`, and anything nested deeper than
 * inline nodes inside blocks. Decorator nodes (an inline tag's chip) are inline too, but the
 * binding stores them as an XmlElement whose attributes are the node's properties.
 */
export const TARGET_NODE_TYPES = {
  block: ['paragraph'],
  inline: ['text', 'linebreak'],
  decorator: ['qalam-tag'],
} as const satisfies Record<'block' | 'inline' | 'decorator', readonly string[]>

/** The Lexical type of an inline tag's node in a target. */
export const TAG_NODE_TYPE = TARGET_NODE_TYPES.decorator[0]
/** The properties of a tag node besides its `__type`: exactly these, nothing else. */
export const TAG_NODE_KEYS = { kind: '__kind', n: '__n' } as const

/** The property of a node's XmlText or Y.Map that names its Lexical type. */
export const NODE_TYPE_KEY = '__type'

const PARAGRAPH_TYPE = TARGET_NODE_TYPES.block[0]
const LINEBREAK_TYPE = TARGET_NODE_TYPES.inline[1]
const TEXT_TYPE = TARGET_NODE_TYPES.inline[0]

/** Plain text of a Lexical-shaped XmlText: blocks joined by "\n", line breaks as "\n". */
export function readLexicalText(root: Y.XmlText): string {
  const blocks: string[] = []
  let loose = ''
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    const insert = op.insert
    if (insert instanceof Y.XmlText) {
      blocks.push(readInline(insert))
    } else if (typeof insert === 'string') {
      loose += insert
    } else if (insert instanceof Y.Map && insert.get(NODE_TYPE_KEY) === LINEBREAK_TYPE) {
      loose += '\n'
    }
  }
  if (loose) blocks.unshift(loose)
  return blocks.join('\n')
}

/**
 * The text of a Lexical-shaped XmlText with its inline tags in place (blocks joined by "\n").
 * A tag node with a malformed kind or number is left out.
 */
export function readLexicalTagged(root: Y.XmlText): TaggedText {
  const pieces: TaggedPiece[] = []
  let isFirstBlock = true
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    const insert = op.insert
    if (!(insert instanceof Y.XmlText)) continue
    if (!isFirstBlock) pieces.push('\n')
    isFirstBlock = false
    for (const inner of insert.toDelta() as Array<{ insert: unknown }>) {
      const value = inner.insert
      if (typeof value === 'string') pieces.push(value)
      else if (value instanceof Y.Map && value.get(NODE_TYPE_KEY) === LINEBREAK_TYPE) {
        pieces.push('\n')
      } else if (value instanceof Y.XmlElement) {
        const tag = readTagNode(value)
        if (tag) pieces.push(tag)
      }
    }
  }
  return joinPieces(pieces)
}

function readTagNode(element: Y.XmlElement): TaggedPiece | null {
  if (element.getAttribute(NODE_TYPE_KEY) !== TAG_NODE_TYPE) return null
  const kind: unknown = element.getAttribute(TAG_NODE_KEYS.kind)
  const n: unknown = element.getAttribute(TAG_NODE_KEYS.n)
  if (!isTagKind(kind) || typeof n !== 'number' || !Number.isSafeInteger(n)) return null
  return { kind, n }
}

function readInline(block: Y.XmlText): string {
  let text = ''
  for (const op of block.toDelta() as Array<{ insert: unknown }>) {
    const insert = op.insert
    if (typeof insert === 'string') text += insert
    else if (insert instanceof Y.Map && insert.get(NODE_TYPE_KEY) === LINEBREAK_TYPE) text += '\n'
    else if (insert instanceof Y.XmlText) text += readInline(insert)
  }
  return text
}

/**
 * Replaces the content of a Lexical-shaped XmlText with one paragraph holding `text`
 * (one paragraph per line), in the layout the Lexical binding itself writes, with `tags` as
 * tag nodes at their offsets. Must run inside a transaction of the XmlText's document.
 */
export function writeLexicalText(
  root: Y.XmlText,
  text: string,
  tags: readonly PlacedTag[] = [],
): void {
  if (root.length > 0) root.delete(0, root.length)
  const lines = splitLines(taggedPieces({ text, tags: [...tags] }))
  lines.forEach((line, index) => {
    const paragraph = new Y.XmlText()
    root.insertEmbed(index, paragraph)
    // Every property a ParagraphNode syncs, so that a binding loading this paragraph finds
    // nothing to write back (a viewer's editor may not write, and two editors opening one
    // segment at once would both do it).
    paragraph.setAttribute(NODE_TYPE_KEY, PARAGRAPH_TYPE)
    paragraph.setAttribute('__format', 0 as unknown as string)
    paragraph.setAttribute('__style', '')
    paragraph.setAttribute('__indent', 0 as unknown as string)
    paragraph.setAttribute('__dir', null as unknown as string)
    paragraph.setAttribute('__textFormat', 0 as unknown as string)
    paragraph.setAttribute('__textStyle', '')
    let at = 0
    for (const piece of line) {
      if (typeof piece === 'string') {
        const textNode = new Y.Map<unknown>()
        paragraph.insertEmbed(at, textNode)
        textNode.set(NODE_TYPE_KEY, TEXT_TYPE)
        textNode.set('__format', 0)
        textNode.set('__style', '')
        textNode.set('__mode', 0)
        textNode.set('__detail', 0)
        paragraph.insert(at + 1, piece)
        at += 1 + piece.length
      } else {
        const tagNode = new Y.XmlElement()
        paragraph.insertEmbed(at, tagNode)
        tagNode.setAttribute(NODE_TYPE_KEY, TAG_NODE_TYPE)
        tagNode.setAttribute(TAG_NODE_KEYS.kind, piece.kind)
        tagNode.setAttribute(TAG_NODE_KEYS.n, piece.n as unknown as string)
        at += 1
      }
    }
  })
}

/** Pieces per line: strings split at "\n", tags kept on their line. */
function splitLines(pieces: readonly TaggedPiece[]): TaggedPiece[][] {
  const lines: TaggedPiece[][] = [[]]
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      lines[lines.length - 1]!.push(piece)
      continue
    }
    piece.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part.length > 0) lines[lines.length - 1]!.push(part)
    })
  }
  return lines
}
