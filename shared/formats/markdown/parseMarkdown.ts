import type { CustomRules } from '../../segmentation/index.ts'
import type { SegmentInit } from '../../model/index.ts'
import { segmentUnits } from '../textUnits/index.ts'
import { readMarkdown } from './readMarkdown.ts'

/**
 * A Markdown text as segments: one paragraph per unit of {@link readMarkdown} (paragraph,
 * heading, table cell), cut into sentences by the project's segmenter, inline markup as tags.
 */
export function parseMarkdown(text: string, lang: string, custom?: CustomRules): SegmentInit[] {
  return segmentUnits(
    readMarkdown(text).units.map((unit) => unit.unit),
    lang,
    custom,
  )
}
