import { isPrimaryModifier, type SegmentAction } from './segmentAction.ts'

/**
 * Ctrl+K opens the concordance search over the project's memories, with the selected text.
 * The browser's own Ctrl+K (Chrome and Firefox: the address bar's search) gives way because the
 * shortcut handler prevents the default; nothing else in the workbench uses K.
 */
export const openConcordance: SegmentAction = {
  name: 'openConcordance',
  keys: [['Ctrl', 'K']],
  // `code`, not `key`: with a Russian, Kazakh or Arabic layout the K key does not type "K".
  keyTest: (stroke) => isPrimaryModifier(stroke) && !stroke.shiftKey && stroke.code === 'KeyK',
  isAllowed: () => true,
  predicate: () => true,
  perform: (context) => context.openConcordance(),
}
