import {
  joinPieces,
  taggedPieces,
  type InlineTag,
  type TagKind,
  type TaggedPiece,
  type TaggedText,
} from '../../model/index.ts'
import { escapeXmlText, type XmlElement, type XmlNode } from '../xml/index.ts'

/*
 * XLIFF inline codes as the model's tags. Each version classifies its elements (a paired
 * element such as <g> or <pc> wraps text; <x/>, <ph>, <bpt>… stand for themselves); this
 * module numbers them per segment, matches a target's codes to its source's, and writes a
 * tagged text back as XML. A tag's `data` keeps its exact original markup, so a tag the
 * translator did not touch is written back byte for byte.
 */

/** What a tag's opaque `data` holds for XLIFF. */
export interface XliffTagData {
  /** The exact markup: a whole element, or the start or end tag of a wrapping one. */
  raw: string
  /** Local name and id (or startRef) of the element, for writing it in another form. */
  el: string
  id: string
  /** True for the start or end tag of an element that wraps text (must nest). */
  wraps: boolean
  /** Matches the same code between source and target (element, id, role). */
  identity: string
}

export type InlineRole = 'open' | 'close' | 'standalone'

/** One inline code met in content, before numbering. */
export interface TagEvent {
  role: InlineRole
  /** An open and a close with the same key form a pair (sc/ec, bpt/ept, bx/ex). */
  pairKey: string | null
  label: string
  display: string
  data: XliffTagData
}

/** How a version reads one inline element. */
export type InlineReading =
  /** A wrapping element: its start tag, its content (read on), its end tag. */
  | { kind: 'wrap'; open: TagEvent; close: TagEvent }
  /** An element that is one code, content included. */
  | { kind: 'atom'; event: TagEvent }

export type ClassifyInline = (element: XmlElement, text: string) => InlineReading

type Piece = string | TagEvent

/**
 * Reads inline content (children of a source, target or segment marker) into pieces. Codes
 * with the same identity (say two <mrk> without an id) are told apart by their order, so the
 * k-th of them in a target matches the k-th in its source.
 */
export function readInlinePieces(
  nodes: readonly XmlNode[],
  text: string,
  classify: ClassifyInline,
): Piece[] {
  const pieces = readPieces(nodes, text, classify)
  const seen = new Map<string, number>()
  return pieces.map((piece) => {
    if (typeof piece === 'string') return piece
    const count = seen.get(piece.data.identity) ?? 0
    seen.set(piece.data.identity, count + 1)
    if (count === 0) return piece
    return { ...piece, data: { ...piece.data, identity: `${piece.data.identity}#${count}` } }
  })
}

function readPieces(nodes: readonly XmlNode[], text: string, classify: ClassifyInline): Piece[] {
  const pieces: Piece[] = []
  for (const node of nodes) {
    if (node.kind === 'text') pieces.push(node.text)
    else if (node.kind === 'element') {
      const reading = classify(node, text)
      if (reading.kind === 'atom') pieces.push(reading.event)
      else {
        pieces.push(reading.open)
        pieces.push(...readPieces(node.children, text, classify))
        pieces.push(reading.close)
      }
    }
  }
  return pieces
}

/** A segment's source read into text, numbered tags and their positions. */
export interface NumberedSource {
  tagged: TaggedText
  tags: InlineTag[]
}

/** Numbers the codes of a source: pairs share a number, unpaired opens and closes stand alone. */
export function numberSource(pieces: readonly Piece[]): NumberedSource {
  const tags: InlineTag[] = []
  const out: TaggedPiece[] = []
  numberInto(pieces, tags, out, 1)
  return { tagged: joinPieces(out), tags }
}

function numberInto(
  pieces: readonly Piece[],
  tags: InlineTag[],
  out: TaggedPiece[],
  first: number,
): void {
  let next = first
  const assigned: Array<{ kind: TagKind; n: number } | null> = pieces.map(() => null)
  const openByKey = new Map<string, number>()
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') return
    if (piece.role === 'open' && piece.pairKey !== null) {
      openByKey.set(piece.pairKey, index)
      assigned[index] = { kind: 'open', n: next++ }
    } else if (piece.role === 'close' && piece.pairKey !== null && openByKey.has(piece.pairKey)) {
      const openIndex = openByKey.get(piece.pairKey)!
      openByKey.delete(piece.pairKey)
      assigned[index] = { kind: 'close', n: assigned[openIndex]!.n }
    } else {
      assigned[index] = { kind: 'standalone', n: next++ }
    }
  })
  // An open whose close is in another segment (bpt without ept) is a placeholder here.
  for (const index of openByKey.values())
    assigned[index] = { kind: 'standalone', n: assigned[index]!.n }
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') {
      out.push(piece)
      return
    }
    const ref = assigned[index]!
    tags.push({
      ...ref,
      label: piece.label,
      display: piece.display,
      data: JSON.stringify(piece.data),
    })
    out.push(ref)
  })
}

/**
 * A target's codes as references to the source's tags (matched by element, id and role);
 * codes the source lacks are added to `tags` with numbers after the source's.
 */
export function numberTarget(pieces: readonly Piece[], tags: InlineTag[]): TaggedText {
  const byIdentity = new Map<string, InlineTag>()
  for (const tag of tags) byIdentity.set(readTagData(tag).identity, tag)
  const out: TaggedPiece[] = []
  const unknown: Piece[] = []
  const unknownAt: number[] = []
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out.push(piece)
      continue
    }
    const known = byIdentity.get(piece.data.identity)
    if (known) out.push({ kind: known.kind, n: known.n })
    else {
      unknownAt.push(out.length)
      out.push('')
      unknown.push(piece)
    }
  }
  if (unknown.length > 0) {
    const extra: InlineTag[] = []
    const refs: TaggedPiece[] = []
    numberInto(unknown, extra, refs, Math.max(0, ...tags.map((tag) => tag.n)) + 1)
    tags.push(...extra)
    unknownAt.forEach((at, index) => (out[at] = refs[index]!))
  }
  return joinPieces(out.filter((piece) => piece !== ''))
}

export function readTagData(tag: InlineTag): XliffTagData {
  try {
    const value = JSON.parse(tag.data) as Partial<XliffTagData>
    return {
      raw: typeof value.raw === 'string' ? value.raw : '',
      el: typeof value.el === 'string' ? value.el : '',
      id: typeof value.id === 'string' ? value.id : '',
      wraps: value.wraps === true,
      identity: typeof value.identity === 'string' ? value.identity : '',
    }
  } catch {
    // A tag another format wrote (or none at all): nothing of it can go into XLIFF.
    return { raw: '', el: '', id: '', wraps: false, identity: '' }
  }
}

/**
 * How a version writes a wrapping tag that cannot nest where the translator put it (its pair
 * crosses another, or one half is missing): a spanning form such as <bx/> or <sc/>, or '' to
 * leave it out.
 */
export type WriteUnnested = (data: XliffTagData, kind: TagKind, hasPartner: boolean) => string

/** Characters XML 1.0 cannot hold, even escaped. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text for XML content: escaped, characters XML cannot hold dropped. */
export function xmlContent(text: string): string {
  return escapeXmlText(text.replace(NOT_XML, ''))
}

/**
 * A tagged text as XLIFF inline content: text escaped, each tag as its original markup.
 * Wrapping tags that do not nest are written by `unnested`, so the result is always
 * well-formed.
 */
export function writeInline(
  tagged: TaggedText,
  tags: readonly InlineTag[],
  unnested: WriteUnnested,
): string {
  const byKey = new Map(tags.map((tag) => [`${tag.kind}:${tag.n}`, tag]))
  const pieces = taggedPieces(tagged)
  const broken = new Set<number>()
  const stack: Array<{ n: number; index: number }> = []
  const closesByN = new Map<number, number>()
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') return
    const tag = byKey.get(`${piece.kind}:${piece.n}`)
    if (!tag || !readTagData(tag).wraps) return
    if (piece.kind === 'open') {
      stack.push({ n: piece.n, index })
      return
    }
    if (piece.kind !== 'close') return
    closesByN.set(piece.n, (closesByN.get(piece.n) ?? 0) + 1)
    const top = stack[stack.length - 1]
    if (top && top.n === piece.n) {
      stack.pop()
      return
    }
    broken.add(index)
    const partner = stack.findIndex((entry) => entry.n === piece.n)
    if (partner >= 0) broken.add(stack.splice(partner, 1)[0]!.index)
  })
  for (const entry of stack) broken.add(entry.index)
  const present = new Set(
    pieces.flatMap((piece) => (typeof piece === 'string' ? [] : [`${piece.kind}:${piece.n}`])),
  )
  let out = ''
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') {
      out += xmlContent(piece)
      return
    }
    const tag = byKey.get(`${piece.kind}:${piece.n}`)
    if (!tag) return
    const data = readTagData(tag)
    if (!broken.has(index)) {
      out += data.raw
      return
    }
    const partnerKind = piece.kind === 'open' ? 'close' : 'open'
    out += unnested(data, piece.kind, present.has(`${partnerKind}:${piece.n}`))
  })
  return out
}

/** The exact markup of an element's start tag, end tag, or the whole element. */
export function startTagOf(element: XmlElement, text: string): string {
  return text.slice(element.start, element.contentStart)
}
export function endTagOf(element: XmlElement, text: string): string {
  return text.slice(element.contentEnd, element.end)
}
export function wholeElement(element: XmlElement, text: string): string {
  return text.slice(element.start, element.end)
}
