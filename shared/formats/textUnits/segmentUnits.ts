import { segmentText, type CustomRules } from '../../segmentation/index.ts'
import type { InlineTag, PlacedTag, SegmentInit } from '../../model/index.ts'
import { MAX_TAG_DATA_CHARS, MAX_TAG_DISPLAY_CHARS } from '../../model/index.ts'
import type { TextUnit, UnitTag } from './types.ts'

/** What stands before the first segment of every unit but the first, after its own blanks. */
export const UNIT_GAP = '\n\n'

/**
 * Cuts text units into segments with the project's segmenter: each segment's paragraph is its
 * unit's index, its gap (`before`) the whitespace between it and the previous segment of the
 * unit. Tags standing in a gap between sentences go to the segment after it, so no tag is
 * lost; tags in the blanks before the first sentence or after the last stay there, with the
 * blanks (the export writes them as they were). Tags are numbered per segment, a pair whose
 * open and close fall in one segment sharing its number. A unit of only blanks gives none.
 */
export function segmentUnits(
  units: readonly TextUnit[],
  lang: string,
  custom?: CustomRules,
): SegmentInit[] {
  const segments: SegmentInit[] = []
  units.forEach((unit, index) => {
    // Line breaks are blanks here (markup formats turn hard breaks into tags): the segmenter
    // cuts at every line, and a sentence may run across the source's lines.
    const found = segmentText(unit.text.replace(/[\r\n]/g, ' '), lang, custom)
    let cursor = 0
    let tagAt = 0
    const first = found[0]
    while (
      first !== undefined &&
      tagAt < unit.tags.length &&
      unit.tags[tagAt]!.offset < first.start
    ) {
      tagAt++
    }
    found.forEach((segment, k) => {
      const isLast = k === found.length - 1
      const mine: UnitTag[] = []
      while (tagAt < unit.tags.length) {
        const tag = unit.tags[tagAt]!
        const next = found[k + 1]
        // A tag exactly between two sentences with no gap goes to the later one.
        if (isLast ? tag.offset > segment.end : tag.offset >= next!.start) break
        if (!isLast && tag.offset === segment.end && next?.start === segment.end) break
        mine.push(tag)
        tagAt++
      }
      const gap = unit.text.slice(cursor, segment.start)
      const init: SegmentInit = {
        source: unit.text.slice(segment.start, segment.end),
        paragraph: index,
        // A blank line before each unit but the first: a plain-text export keeps paragraphs.
        before: k === 0 && index > 0 ? UNIT_GAP + gap : gap,
      }
      if (mine.length > 0) {
        const numbered = numberTags(mine, segment.start, segment.end)
        init.tags = numbered.tags
        init.sourceTags = numbered.placed
      }
      segments.push(init)
      cursor = segment.end
    })
  })
  return segments
}

function numberTags(
  tags: readonly UnitTag[],
  start: number,
  end: number,
): { tags: InlineTag[]; placed: PlacedTag[] } {
  const closing = new Set<number>()
  for (const tag of tags) if (tag.kind === 'close' && tag.pair !== undefined) closing.add(tag.pair)
  const openNumbers = new Map<number, number>()
  const list: InlineTag[] = []
  const placed: PlacedTag[] = []
  let n = 0
  for (const tag of tags) {
    let number: number
    if (tag.kind === 'close' && tag.pair !== undefined && openNumbers.has(tag.pair)) {
      number = openNumbers.get(tag.pair)!
    } else {
      number = ++n
      if (tag.kind === 'open' && tag.pair !== undefined && closing.has(tag.pair)) {
        openNumbers.set(tag.pair, number)
      }
    }
    list.push({
      kind: tag.kind,
      n: number,
      label: tag.label,
      display: tag.raw.slice(0, MAX_TAG_DISPLAY_CHARS),
      data: tag.raw.slice(0, MAX_TAG_DATA_CHARS),
    })
    placed.push({
      kind: tag.kind,
      n: number,
      offset: Math.min(Math.max(tag.offset, start), end) - start,
    })
  }
  return { tags: list, placed }
}
