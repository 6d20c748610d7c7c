/*
 * Inline tags: formatting or code that starts, ends or stands inside a sentence (a bold run,
 * a link, a footnote reference, a placeholder). Every format (XLIFF, later DOCX, HTML,
 * Markdown) turns its inline markup into these and back; nothing outside formats/ reads
 * `data`.
 *
 * A segment keeps its tags in one list written at import and never changed (`tags`), the
 * positions of the tags in its source (`sourceTags`, the source itself stays a plain string),
 * and in its target one Lexical node per tag (`qalam-tag`, see targetText.ts) naming the tag
 * by kind and number. The server refuses a target tag that is not in the segment's list.
 */

export const TAG_KINDS = ['open', 'close', 'standalone'] as const
/** Paired tags open and close around text; a standalone tag is a placeholder. */
export type TagKind = (typeof TAG_KINDS)[number]

export function isTagKind(value: unknown): value is TagKind {
  return typeof value === 'string' && (TAG_KINDS as readonly string[]).includes(value)
}

/** Longest tooltip text of one tag; the markup it shows is cut there. */
export const MAX_TAG_DISPLAY_CHARS = 2000
/** Most tags one segment may hold; more is not a sentence but a formatting soup. */
export const MAX_SEGMENT_TAGS = 1000
/** Longest `data` of one tag (characters): a format's code is kept whole, never cut. */
export const MAX_TAG_DATA_CHARS = 1_000_000

/** One inline tag of a segment, as its format read it. */
export interface InlineTag {
  kind: TagKind
  /**
   * The number on the chip, from 1, per segment: a pair's open and close share it, and no
   * two tags of one kind share one.
   */
  n: number
  /** A short hint of what the tag does ("bold", "link", "ph"), for the chip's tooltip. */
  label: string
  /** The original markup, shown in the chip's tooltip. */
  display: string
  /** What the format that wrote the tag needs to write it back; opaque to everything else. */
  data: string
}

/** A reference to a segment's tag, as a target node and a source position name it. */
export interface TagRef {
  kind: TagKind
  n: number
}

/** A tag placed in a text: it stands before the character at `offset` (UTF-16). */
export interface PlacedTag extends TagRef {
  offset: number
}

/** Text with its tags in place: what a format reads from, or writes into, one segment side. */
export interface TaggedText {
  text: string
  /** In document order; offsets never decrease. */
  tags: PlacedTag[]
}

/** The piece-wise view of a tagged text: strings and tags in order, no empty strings. */
export type TaggedPiece = string | TagRef

export function tagKey(tag: TagRef): string {
  return `${tag.kind}:${tag.n}`
}

export function sameTag(a: TagRef, b: TagRef): boolean {
  return a.kind === b.kind && a.n === b.n
}

/** Splits a tagged text into strings and tags, in order. */
export function taggedPieces(tagged: TaggedText): TaggedPiece[] {
  const pieces: TaggedPiece[] = []
  let at = 0
  for (const tag of tagged.tags) {
    const offset = Math.min(Math.max(tag.offset, at), tagged.text.length)
    if (offset > at) pieces.push(tagged.text.slice(at, offset))
    pieces.push({ kind: tag.kind, n: tag.n })
    at = offset
  }
  if (at < tagged.text.length) pieces.push(tagged.text.slice(at))
  return pieces
}

/** Joins strings and tags into a tagged text. */
export function joinPieces(pieces: readonly TaggedPiece[]): TaggedText {
  let text = ''
  const tags: PlacedTag[] = []
  for (const piece of pieces) {
    if (typeof piece === 'string') text += piece
    else tags.push({ kind: piece.kind, n: piece.n, offset: text.length })
  }
  return { text, tags }
}

/** A plain text with no tags. */
export function untagged(text: string): TaggedText {
  return { text, tags: [] }
}

/**
 * Tags of `list` not placed in `placed`, in the list's order: what the translator still has
 * to put in the target ("insert the next missing tag").
 */
export function missingTags(list: readonly InlineTag[], placed: readonly TagRef[]): InlineTag[] {
  const present = new Set(placed.map(tagKey))
  return list.filter((tag) => !present.has(tagKey(tag)))
}

/** The shortest text a chip shows for a tag: `1`, `/1` or `1/` as in most CAT tools' `<1>`. */
export function tagChipText(tag: TagRef): string {
  if (tag.kind === 'open') return `${tag.n}`
  if (tag.kind === 'close') return `/${tag.n}`
  return `${tag.n}/`
}

/**
 * Keeps only well-formed tags: known kinds, positive integer numbers, unique by kind and
 * number, strings within limits. Used on what the model reads back from a Y.Doc, which a
 * document from before tags (or a hostile one) may lack or corrupt.
 */
export function validTags(value: unknown): InlineTag[] {
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const tags: InlineTag[] = []
  for (const entry of value.slice(0, MAX_SEGMENT_TAGS)) {
    if (typeof entry !== 'object' || entry === null) continue
    const { kind, n, label, display, data } = entry as Record<string, unknown>
    if (!isTagKind(kind) || !Number.isSafeInteger(n) || (n as number) < 1) continue
    const tag: InlineTag = {
      kind,
      n: n as number,
      label: typeof label === 'string' ? label.slice(0, 100) : '',
      display: typeof display === 'string' ? display.slice(0, MAX_TAG_DISPLAY_CHARS) : '',
      data: typeof data === 'string' ? data.slice(0, MAX_TAG_DATA_CHARS) : '',
    }
    if (seen.has(tagKey(tag))) continue
    seen.add(tagKey(tag))
    tags.push(tag)
  }
  return tags
}

/** Placed tags of `value` that belong to `list` and fit in a text of `length`, in order. */
export function validPlacedTags(
  value: unknown,
  list: readonly InlineTag[],
  length: number,
): PlacedTag[] {
  if (!Array.isArray(value)) return []
  const known = new Set(list.map(tagKey))
  const placed: PlacedTag[] = []
  let previous = 0
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue
    const { kind, n, offset } = entry as Record<string, unknown>
    if (!isTagKind(kind) || typeof n !== 'number' || !known.has(`${kind}:${n}`)) continue
    if (!Number.isSafeInteger(offset) || (offset as number) < previous) continue
    if ((offset as number) > length) continue
    previous = offset as number
    placed.push({ kind, n, offset: previous })
  }
  return placed
}

/** Whether two tagged texts are the same text with the same tags in the same places. */
export function sameTagged(a: TaggedText, b: TaggedText): boolean {
  if (a.text !== b.text || a.tags.length !== b.tags.length) return false
  return a.tags.every((tag, index) => {
    const other = b.tags[index]!
    return tag.kind === other.kind && tag.n === other.n && tag.offset === other.offset
  })
}
