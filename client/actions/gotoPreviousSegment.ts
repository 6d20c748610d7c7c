import { isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

export const gotoPreviousSegment: SegmentAction = {
  name: 'gotoPreviousSegment',
  keys: [['Ctrl', '↑']],
  keyTest: (stroke) => stroke.key === 'ArrowUp' && isPrimaryModifier(stroke) && !stroke.shiftKey,
  isAllowed: () => true,
  predicate: ({ activeIndex }) => activeIndex !== null && activeIndex > 0,
  perform: ({ activeIndex, activate }) => {
    if (activeIndex !== null) activate(activeIndex - 1)
  },
}
