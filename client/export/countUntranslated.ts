import type { SegmentView } from '@qalam/shared/model'

/** Segments whose target is empty: the export keeps their source text. */
export function countUntranslated(
  segmentCount: number,
  segment: (index: number) => SegmentView | undefined,
): number {
  let untranslated = 0
  for (let index = 0; index < segmentCount; index++) {
    if ((segment(index)?.target ?? '') === '') untranslated++
  }
  return untranslated
}
