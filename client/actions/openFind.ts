import { isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

/**
 * Ctrl+F opens the workbench's find over every segment, in place of the browser's, which sees
 * only the rows the virtualized grid has rendered.
 */
export const openFind: SegmentAction = {
  name: 'openFind',
  keys: [['Ctrl', 'F']],
  // `code`, not `key`: with a Russian, Kazakh or Arabic layout the F key does not type "F".
  keyTest: (stroke) => isPrimaryModifier(stroke) && !stroke.shiftKey && stroke.code === 'KeyF',
  isAllowed: () => true,
  predicate: ({ segmentCount }) => segmentCount > 0,
  perform: (context) => context.openFind(),
}
