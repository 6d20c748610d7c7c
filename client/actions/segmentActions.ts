import type { ActingRole } from '@qalam/shared/workflow'
import { approveAndNext } from './approveAndNext.ts'
import { confirmAndNext } from './confirmAndNext.ts'
import { copySourceToTarget } from './copySourceToTarget.ts'
import { gotoNextSegment } from './gotoNextSegment.ts'
import { gotoPreviousSegment } from './gotoPreviousSegment.ts'
import { openFind } from './openFind.ts'
import { openGoTo } from './openGoTo.ts'
import { openConcordance } from './openConcordance.ts'
import { rejectSegment } from './rejectSegment.ts'
import { reopenSegment } from './reopenSegment.ts'
import type { KeyStroke, SegmentAction } from './segmentAction.ts'

/** Every keyboard action of the document view, in the order the help panel lists them. */
export const SEGMENT_ACTIONS: readonly SegmentAction[] = [
  confirmAndNext,
  approveAndNext,
  rejectSegment,
  reopenSegment,
  gotoNextSegment,
  gotoPreviousSegment,
  copySourceToTarget,
  openFind,
  openGoTo,
  openConcordance,
]

/** The actions a role has; two of them may share keys (Ctrl+Enter) only if no role has both. */
export function actionsFor(role: ActingRole): readonly SegmentAction[] {
  return SEGMENT_ACTIONS.filter((action) => action.isAllowed(role))
}

/** The action bound to a keystroke, whether or not it applies right now. */
export function findAction(
  stroke: KeyStroke,
  actions: readonly SegmentAction[] = SEGMENT_ACTIONS,
): SegmentAction | undefined {
  return actions.find((action) => action.keyTest(stroke))
}
