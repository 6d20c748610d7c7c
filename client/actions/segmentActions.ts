import { confirmAndNext } from './confirmAndNext.ts'
import { copySourceToTarget } from './copySourceToTarget.ts'
import { gotoNextSegment } from './gotoNextSegment.ts'
import { gotoPreviousSegment } from './gotoPreviousSegment.ts'
import type { KeyStroke, SegmentAction } from './segmentAction.ts'

/** Every keyboard action of the document view, in the order the help panel lists them. */
export const SEGMENT_ACTIONS: readonly SegmentAction[] = [
  confirmAndNext,
  gotoNextSegment,
  gotoPreviousSegment,
  copySourceToTarget,
]

/** The action bound to a keystroke, whether or not it applies right now. */
export function findAction(
  stroke: KeyStroke,
  actions: readonly SegmentAction[] = SEGMENT_ACTIONS,
): SegmentAction | undefined {
  return actions.find((action) => action.keyTest(stroke))
}
