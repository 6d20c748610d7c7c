import { setStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import {
  activeSegment,
  isPrimaryModifier,
  nextSegmentWhere,
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
    setStatus(context.doc, segment.id, 'approved', context.userId)
    gotoNextToReview(context, segment.index)
  },
}

/**
 * After a reviewer approved or rejected segment `from`: the next translated segment, saying so
 * when the search began again at the top, or that nothing is left to review.
 */
export function gotoNextToReview(context: SegmentActionContext, from: number): void {
  const next = nextSegmentWhere(context, from, (other) => other.status === 'translated')
  if (next === null) {
    context.notify('allReviewed')
    return
  }
  context.activate(next)
  if (next < from) context.notify('wrapped')
}
