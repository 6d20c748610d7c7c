import type { SegmentInit } from '../../model/index.ts'

/**
 * Gives segments read from XLIFF the paragraph of their unit and a gap for plain-text views:
 * a blank line between units, a space between the segments of one unit. `unit` is anything
 * that is the same for the segments of one unit and differs from the previous unit's.
 */
export function placeInUnits(slots: ReadonlyArray<{ init: SegmentInit; unit: unknown }>): void {
  let paragraph = -1
  let previous: unknown = null
  for (const slot of slots) {
    const isNewUnit = slot.unit !== previous
    if (isNewUnit) paragraph++
    slot.init.paragraph = paragraph
    slot.init.before = previous === null ? '' : isNewUnit ? '\n\n' : ' '
    previous = slot.unit
  }
}
