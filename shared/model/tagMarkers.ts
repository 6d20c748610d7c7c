import {
  joinPieces,
  tagChipText,
  taggedPieces,
  type InlineTag,
  type TaggedPiece,
  type TaggedText,
  type TagRef,
} from './tags.ts'

/*
 * Inline tags written as text, where no chip can be drawn (a review table, a diff of two
 * translations): `⟦1⟧`, `⟦/1⟧`, `⟦2/⟧`, brackets no sentence uses, and read back into tags.
 */

const MARK_OPEN = '⟦'
const MARK_CLOSE = '⟧'

/** The readable marker a review table shows for a tag: `⟦1⟧`, `⟦/1⟧`, `⟦1/⟧`. */
export function tagMarker(tag: TagRef): string {
  return `${MARK_OPEN}${tagChipText(tag)}${MARK_CLOSE}`
}

/** A tagged text as strings and markers, in order: what a writer puts in a cell. */
export type MarkedPiece = { kind: 'text'; text: string } | { kind: 'tag'; marker: string }

export function markedPieces(tagged: TaggedText): MarkedPiece[] {
  return taggedPieces(tagged).map((piece) =>
    typeof piece === 'string'
      ? { kind: 'text', text: piece }
      : { kind: 'tag', marker: tagMarker(piece) },
  )
}

/** The tagged text written out with markers, as one string (what a cell reads as). */
export function markedText(tagged: TaggedText): string {
  return markedPieces(tagged)
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.marker))
    .join('')
}

const MARKER = /⟦(\/?)(\d{1,6})(\/?)⟧/g

/**
 * Turns a cell's text back into a tagged text: each marker naming one of `tags` becomes that
 * tag; anything else (a marker of no such tag, a malformed one) stays text.
 */
export function parseMarkedText(text: string, tags: readonly InlineTag[]): TaggedText {
  const known = new Set(tags.map((tag) => `${tag.kind}:${tag.n}`))
  const pieces: TaggedPiece[] = []
  let at = 0
  for (const match of text.matchAll(MARKER)) {
    const [whole, slashBefore, digits, slashAfter] = match
    if (slashBefore && slashAfter) continue
    const kind = slashBefore ? 'close' : slashAfter ? 'standalone' : 'open'
    const n = Number(digits)
    if (!known.has(`${kind}:${n}`)) continue
    if (match.index > at) pieces.push(text.slice(at, match.index))
    pieces.push({ kind, n })
    at = match.index + whole.length
  }
  if (at < text.length) pieces.push(text.slice(at))
  return joinPieces(pieces)
}
