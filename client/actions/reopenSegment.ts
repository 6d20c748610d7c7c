import { setStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import { activeSegment, isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

/** Unlocks an approved segment for more work: approved -> draft. */
export const reopenSegment: SegmentAction = {
  name: 'reopenSegment',
  keys: [['Ctrl', 'Shift', 'L']],
  // `code`, not `key`: the L key types another letter in Russian, Kazakh and Arabic layouts.
  keyTest: (stroke) => stroke.code === 'KeyL' && isPrimaryModifier(stroke) && stroke.shiftKey,
  isAllowed: (role) => may(role, 'reopen'),
  predicate: (context) => activeSegment(context)?.status === 'approved',
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment !== undefined) setStatus(context.doc, segment.id, 'draft', context.userId)
  },
}
