import type { ExportPolicy } from '../../export/index.ts'
import { segmentsByUnit, writeUnit, type UnitSegment } from '../textUnits/index.ts'
import type { MarkdownLayout } from './readMarkdown.ts'

/**
 * The Markdown text (as imported) with each unit replaced by its segments as `policy` writes
 * them; tags are written as the source's markup of that place, everything outside the units
 * is the source's own. A unit of several lines is written on one (its soft line breaks were
 * blanks); a line break typed in a translation becomes a blank, which cannot end a block.
 */
export function writeMarkdown(
  text: string,
  layout: MarkdownLayout,
  segments: readonly UnitSegment[],
  policy: ExportPolicy,
): string {
  const groups = segmentsByUnit(segments, layout.units.length)
  let out = ''
  let at = 0
  layout.units.forEach((unit, index) => {
    const written = writeUnit(unit.unit, groups[index]!, policy, {
      text: (value) => value.replace(/[\r\n]+/g, ' '),
      tag: (tag) => tag.raw,
    })
    out += text.slice(at, unit.start) + written
    at = unit.end
  })
  return out + text.slice(at)
}
