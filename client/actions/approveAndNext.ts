import { setStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import {
  activeSegment,
  isPrimaryModifier,
  nextSegmentWhere,
  type SegmentAction,
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
    const next = nextSegmentWhere(context, segment.index, (other) => other.status === 'translated')
    if (next !== null) context.activate(next)
  },
}
