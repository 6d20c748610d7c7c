import type * as Y from 'yjs'
import type { SegmentView } from '@qalam/shared/model'

/** What a user action may read and do: the open document, the active segment, the user. */
export interface SegmentActionContext {
  doc: Y.Doc
  segmentCount: number
  segment(index: number): SegmentView | undefined
  activeIndex: number | null
  userId: string
  activate(index: number): void
}

/** The parts of a KeyboardEvent a key test looks at. */
export type KeyStroke = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'
>

/**
 * One user action (GUIDE §4): a name (also its i18n key under `shortcuts.`), the keys that
 * trigger it as shown in the help panel, a key test, a predicate saying whether it applies
 * now, and what it does.
 */
export interface SegmentAction {
  name: 'confirmAndNext' | 'gotoNextSegment' | 'gotoPreviousSegment' | 'copySourceToTarget'
  keys: readonly (readonly string[])[]
  keyTest(stroke: KeyStroke): boolean
  predicate(context: SegmentActionContext): boolean
  perform(context: SegmentActionContext): void
}

/** Ctrl on Windows and Linux, Cmd on macOS. */
export function isPrimaryModifier(stroke: KeyStroke): boolean {
  return (stroke.ctrlKey || stroke.metaKey) && !stroke.altKey
}

export function activeSegment(context: SegmentActionContext): SegmentView | undefined {
  return context.activeIndex === null ? undefined : context.segment(context.activeIndex)
}
