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

/**
 * A target's content as plain data, every node and property kept (paragraph attributes, text
 * formats, line breaks, and any inline node a later version adds): what a propagation copies
 * from one segment into its repetitions, and what its undo puts back. Holds no Yjs type, so it
 * can be kept after the target it was read from has changed.
 */
export type TargetContent = readonly TargetPiece[]

export type TargetPiece =
  | { kind: 'text'; text: string; format?: Record<string, unknown> }
  | { kind: 'block'; attributes: Record<string, unknown>; children: TargetContent }
  | { kind: 'inline'; properties: Record<string, unknown> }
  /** A decorator node (a tag's chip): stored by the binding as an XmlElement, not a Y.Map. */
  | { kind: 'decorator'; attributes: Record<string, unknown> }

/** Reads a Lexical-shaped XmlText (or one of its blocks) as `TargetContent`. */
export function readTargetContent(root: Y.XmlText): TargetContent {
  const pieces: TargetPiece[] = []
  for (const op of root.toDelta() as Array<{
    insert: unknown
    attributes?: Record<string, unknown>
  }>) {
    const insert = op.insert
    if (typeof insert === 'string') {
      pieces.push(
        op.attributes === undefined
          ? { kind: 'text', text: insert }
          : { kind: 'text', text: insert, format: { ...op.attributes } },
      )
    } else if (insert instanceof Y.XmlText) {
      pieces.push({
        kind: 'block',
        attributes: { ...insert.getAttributes() },
        children: readTargetContent(insert),
      })
    } else if (insert instanceof Y.Map) {
      pieces.push({ kind: 'inline', properties: Object.fromEntries(insert.entries()) })
    } else if (insert instanceof Y.XmlElement) {
      pieces.push({ kind: 'decorator', attributes: { ...insert.getAttributes() } })
    }
  }
  return pieces
}

/**
 * Replaces the content of a Lexical-shaped XmlText with `content`, node for node. The XmlText
 * itself stays (the server refuses a replaced target). Must run inside a transaction of the
 * XmlText's document.
 */
export function writeTargetContent(root: Y.XmlText, content: TargetContent): void {
  if (root.length > 0) root.delete(0, root.length)
  insertPieces(root, content)
}

function insertPieces(into: Y.XmlText, content: TargetContent): void {
  let at = 0
  for (const piece of content) {
    if (piece.kind === 'text') {
      into.insert(at, piece.text, piece.format === undefined ? undefined : { ...piece.format })
      at += piece.text.length
    } else if (piece.kind === 'block') {
      const block = new Y.XmlText()
      into.insertEmbed(at, block)
      // Attributes and children can only be written once the block is in the document.
      for (const [key, value] of Object.entries(piece.attributes)) {
        block.setAttribute(key, value as string)
      }
      insertPieces(block, piece.children)
      at += 1
    } else if (piece.kind === 'inline') {
      const node = new Y.Map<unknown>()
      into.insertEmbed(at, node)
      for (const [key, value] of Object.entries(piece.properties)) node.set(key, value)
      at += 1
    } else {
      // As the binding writes a decorator (and writeLexicalText a tag): an XmlElement whose
      // attributes are the node's properties, values kept as they are (`__n` a number).
      const element = new Y.XmlElement()
      into.insertEmbed(at, element)
      for (const [key, value] of Object.entries(piece.attributes)) {
        element.setAttribute(key, value as string)
      }
      at += 1
    }
  }
}
