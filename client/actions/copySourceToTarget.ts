import { setTargetTagged } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import { activeSegment, isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

/**
 * Replaces the active segment's translation with its source, inline tags included, e.g. for
 * names and numbers.
 */
export const copySourceToTarget: SegmentAction = {
  name: 'copySourceToTarget',
  keys: [
    ['Ctrl', 'Insert'],
    ['Ctrl', 'Shift', 'S'],
  ],
  // `code`, not `key`: with a Russian, Kazakh or Arabic layout the S key does not type "S".
  keyTest: (stroke) =>
    isPrimaryModifier(stroke) &&
    ((stroke.key === 'Insert' && !stroke.shiftKey) || (stroke.code === 'KeyS' && stroke.shiftKey)),
  isAllowed: (role) => may(role, 'editTarget'),
  predicate: (context) => {
    const segment = activeSegment(context)
    return segment !== undefined && segment.status !== 'approved'
  },
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment === undefined) return
    const source = { text: segment.source, tags: segment.sourceTags }
    setTargetTagged(context.doc, segment.id, source, context.userId)
  },
}
