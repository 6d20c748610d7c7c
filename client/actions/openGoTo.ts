import { isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

/** Ctrl+G asks for a segment number and goes there. */
export const openGoTo: SegmentAction = {
  name: 'openGoTo',
  keys: [['Ctrl', 'G']],
  keyTest: (stroke) => isPrimaryModifier(stroke) && !stroke.shiftKey && stroke.code === 'KeyG',
  isAllowed: () => true,
  predicate: ({ segmentCount }) => segmentCount > 0,
  perform: (context) => context.openGoTo(),
}
