import type { CustomRules } from '../../segmentation/index.ts'
import type { SegmentInit } from '../../model/index.ts'
import { segmentUnits } from '../textUnits/index.ts'
import { readHtml } from './readHtml.ts'

/**
 * An HTML page (decoded text) as segments: one paragraph per unit of {@link readHtml}, cut
 * into sentences by the project's segmenter, inline markup as tags. Throws `MarkupError`.
 */
export function parseHtml(text: string, lang: string, custom?: CustomRules): SegmentInit[] {
  return segmentUnits(
    readHtml(text).units.map((unit) => unit.unit),
    lang,
    custom,
  )
}
