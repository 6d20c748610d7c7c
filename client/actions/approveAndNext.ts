import { setStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import {
  activeSegment,
  isPrimaryModifier,
  moveToNextFree,
  type SegmentAction,
  type SegmentActionContext,
} from './segmentAction.ts'

/** A reviewer's Ctrl+Enter: approves the active segment and moves to the next translated one. */
export const approveAndNext: SegmentAction = {
  name: 'approveAndNext',
  keys: [['Ctrl', 'Enter']],
  keyTest: (stroke) => stroke.key === 'Enter' && isPrimaryModifier(stroke) && !stroke.shiftKey,
  isAllowed: (role) => may(role, 'approve'),
  predicate: (context) => {
    const segment = activeSegment(context)
    return segment !== undefined && segment.status !== 'approved' && segment.target.trim() !== ''
  },
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment === undefined) return
    const approve = () => {
      setStatus(context.doc, segment.id, 'approved', context.userId)
      gotoNextToReview(context, segment.index)
    }
    // A colleague typing in it would be locked out mid-word: the reviewer decides knowingly.
    const names = context.editorsOf(segment.id)
    if (names.length > 0) context.confirmApproval({ segment, names }, approve)
    else approve()
  },
}

/**
 * After a reviewer approved or rejected segment `from`: the next translated segment nobody else
 * has open, saying so when the search began again at the top, passed over segments colleagues
 * are in, or that nothing is left to review.
 */
export function gotoNextToReview(context: SegmentActionContext, from: number): void {
  moveToNextFree(context, from, (other) => other.status === 'translated', 'allReviewed')
}
