import { isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

export const gotoNextSegment: SegmentAction = {
  name: 'gotoNextSegment',
  keys: [['Ctrl', '↓']],
  keyTest: (stroke) => stroke.key === 'ArrowDown' && isPrimaryModifier(stroke) && !stroke.shiftKey,
  isAllowed: () => true,
  predicate: ({ activeIndex, segmentCount }) =>
    activeIndex === null ? segmentCount > 0 : activeIndex < segmentCount - 1,
  perform: ({ activeIndex, activate }) => activate(activeIndex === null ? 0 : activeIndex + 1),
}
