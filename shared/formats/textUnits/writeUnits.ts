import { MARK_CLOSE, MARK_OPEN, writesTranslation, type ExportPolicy } from '../../export/index.ts'
import {
  tagKey,
  taggedPieces,
  type PlacedTag,
  type SegmentStatus,
  type TaggedText,
  type TagRef,
} from '../../model/index.ts'
import { MarkupError } from './markupError.ts'
import { UNIT_GAP } from './segmentUnits.ts'
import type { TextUnit, UnitTag } from './types.ts'

/** What writing a unit back needs of each of its segments. */
export interface UnitSegment {
  paragraph: number
  before: string
  source: string
  target: string
  status: SegmentStatus
  /** The segment's tags by kind and number (labels and markup are the unit's own). */
  tags: readonly TagRef[]
  sourceTags: readonly PlacedTag[]
  targetTags: readonly PlacedTag[]
}

/** How a format writes text and tags: escaping for its syntax, and a tag's markup. */
export interface UnitWriter {
  /**
   * `text` as the format writes it; `at` is given when `text` is the unit's own text from that
   * offset (what stands around and between sentences, a source written as the fallback).
   */
  text(text: string, at?: number): string
  tag(tag: UnitTag): string
}

/**
 * Where each segment's source stands in its unit's text (the segments of one unit, in order):
 * the first after the blanks its gap holds, each next one after its gap.
 */
export function sourceSpans(
  segments: readonly UnitSegment[],
): Array<{ start: number; end: number }> {
  const first = segments[0]
  if (first === undefined) return []
  let at = first.before.length - (first.paragraph > 0 ? UNIT_GAP.length : 0)
  return segments.map((segment, k) => {
    if (k > 0) at += segment.before.length
    const span = { start: at, end: at + segment.source.length }
    at = span.end
    return span
  })
}

/** The document's segments grouped by unit (their paragraph), checked against `unitCount`. */
export function segmentsByUnit<S extends UnitSegment>(
  segments: readonly S[],
  unitCount: number,
): S[][] {
  const groups: S[][] = Array.from({ length: unitCount }, () => [])
  for (const segment of segments) {
    const group = groups[segment.paragraph]
    if (group === undefined) {
      throw new MarkupError('mismatch', `segment of unit ${segment.paragraph + 1} of ${unitCount}`)
    }
    group.push(segment)
  }
  return groups
}

/**
 * The tagged text written for one segment under `policy`: its translation with any tag it
 * lacks appended at the end (so markup opened or closed in it is never lost), or the fallback.
 */
function writtenTagged(
  segment: UnitSegment,
  policy: ExportPolicy,
): TaggedText & { isSource: boolean } {
  if (writesTranslation(segment, policy.scope)) {
    const present = new Set(segment.targetTags.map(tagKey))
    const missing = segment.tags
      .filter((tag) => !present.has(tagKey(tag)))
      .map((tag) => ({ kind: tag.kind, n: tag.n, offset: segment.target.length }))
    // A translation that is the source's text (a name, a number) is written as the source is.
    const isSource = segment.target === segment.source
    return { text: segment.target, tags: [...segment.targetTags, ...missing], isSource }
  }
  switch (policy.fallback) {
    case 'source':
      return { text: segment.source, tags: [...segment.sourceTags], isSource: true }
    case 'empty':
      return {
        text: '',
        tags: segment.sourceTags.map((tag) => ({ ...tag, offset: 0 })),
        isSource: false,
      }
    case 'marked':
      return {
        text: `${MARK_OPEN}${segment.source}${MARK_CLOSE}`,
        tags: segment.sourceTags.map((tag) => ({ ...tag, offset: tag.offset + MARK_OPEN.length })),
        isSource: false,
      }
  }
}

/** The unit's text and tags from `from` to `to` (tags at `to` excluded), as the source has them. */
function writeFixed(
  unit: TextUnit,
  from: number,
  to: number,
  writer: UnitWriter,
  tags: UnitTag[],
): string {
  let out = ''
  let at = from
  for (const tag of tags) {
    out += writer.text(unit.text.slice(at, tag.offset), at) + writer.tag(tag)
    at = tag.offset
  }
  return out + writer.text(unit.text.slice(at, to), at)
}

/**
 * A unit of the original rewritten from its segments: gaps and texts through `writer.text`,
 * each tag as the unit's own tag of that place (the i-th tag of a segment is the unit's tag
 * the import gave it), the blanks (and tags) before the first and after the last sentence as
 * the source has them. Throws `MarkupError` `mismatch` when the segments do not fit the unit.
 */
export function writeUnit(
  unit: TextUnit,
  segments: readonly UnitSegment[],
  policy: ExportPolicy,
  writer: UnitWriter,
): string {
  const spans = sourceSpans(segments)
  const firstSpan = spans[0]
  const lastSpan = spans[spans.length - 1]
  if (firstSpan === undefined || lastSpan === undefined) {
    return writeFixed(unit, 0, unit.text.length, writer, unit.tags)
  }
  const start = firstSpan.start
  const end = lastSpan.end
  if (start < 0 || end > unit.text.length)
    throw new MarkupError('mismatch', 'the segments outrun their unit')
  let base = unit.tags.findIndex((tag) => tag.offset >= start)
  if (base < 0) base = unit.tags.length
  let out = writeFixed(unit, 0, start, writer, unit.tags.slice(0, base))
  segments.forEach((segment, k) => {
    const span = spans[k]!
    const index = new Map(segment.tags.map((tag, i) => [tagKey(tag), i]))
    if (k > 0) out += writer.text(segment.before, span.start - segment.before.length)
    const written = writtenTagged(segment, policy)
    let at = span.start
    for (const piece of taggedPieces(written)) {
      if (typeof piece === 'string') {
        out += writer.text(piece, written.isSource ? at : undefined)
        at += piece.length
        continue
      }
      const place = index.get(tagKey(piece))
      const tag = place === undefined ? undefined : unit.tags[base + place]
      if (tag === undefined) throw new MarkupError('mismatch', 'a tag is not in the original')
      out += writer.tag(tag)
    }
    base += segment.tags.length
  })
  const trailing = unit.tags.slice(base)
  if (trailing.some((tag) => tag.offset <= end)) {
    throw new MarkupError('mismatch', 'the segments and the original disagree on tags')
  }
  return out + writeFixed(unit, end, unit.text.length, writer, trailing)
}
