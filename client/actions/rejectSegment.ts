import type { SegmentStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import { activeSegment, isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

// Something to reject: a segment with work in it. An empty `new` one has nothing to review.
const REJECTABLE: ReadonlySet<SegmentStatus> = new Set(['draft', 'translated', 'approved'])

/** Opens the reason dialog for the active segment; the dialog writes the rejection. */
export const rejectSegment: SegmentAction = {
  name: 'rejectSegment',
  keys: [['Ctrl', 'Shift', 'Backspace']],
  keyTest: (stroke) => stroke.key === 'Backspace' && isPrimaryModifier(stroke) && stroke.shiftKey,
  isAllowed: (role) => may(role, 'reject'),
  predicate: (context) => {
    const segment = activeSegment(context)
    return segment !== undefined && REJECTABLE.has(segment.status)
  },
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment !== undefined) context.requestRejection(segment)
  },
}
