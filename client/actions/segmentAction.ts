import type * as Y from 'yjs'
import type { SegmentView } from '@qalam/shared/model'
import type { ActingRole } from '@qalam/shared/workflow'

/** What a user action may read and do: the open document, the active segment, the user. */
export interface SegmentActionContext {
  doc: Y.Doc
  segmentCount: number
  segment(index: number): SegmentView | undefined
  activeIndex: number | null
  userId: string
  /** The role the user acts in for this document. */
  role: ActingRole
  activate(index: number): void
  /** Asks the reviewer for a reason, then rejects the segment (the dialog does the writing). */
  requestRejection(segment: SegmentView): void
  /** Tells the user why a move went nowhere, or somewhere they might not expect. */
  notify(notice: NavigationNotice): void
  /** Names of the other people who have this segment open now; empty when nobody has. */
  editorsOf(segmentId: string): readonly string[]
  /** Asks the reviewer whether to approve a segment others are editing; `approve` if yes. */
  confirmApproval(request: ApprovalRequest, approve: () => void): void
  openFind(): void
  openGoTo(): void
  /** Opens the concordance search, with the selected text if any. */
  openConcordance(): void
  /** Offers to apply a just-confirmed segment's translation to its repetitions, if any differ. */
  offerRepetitions(segment: SegmentView): void
}

/**
 * What a move to the next segment tells the user: nothing is left to translate, nothing is
 * left to review, or the search for the next one went past the end and began again at the top;
 * or that it passed over segments colleagues are editing.
 */
export type NavigationNotice = 'allTranslated' | 'allReviewed' | 'wrapped' | SkippedNotice

export interface SkippedNotice {
  kind: 'skipped'
  /** The segments passed over (1-based numbers) and who is in each. */
  skipped: readonly { number: number; names: readonly string[] }[]
  /** The search began again at the top as well. */
  wrapped: boolean
  /** Nothing else was found: only segments colleagues are editing are left. */
  onlyBusyLeft: boolean
}

/** A segment the reviewer is about to approve while others have it open. */
export interface ApprovalRequest {
  segment: SegmentView
  names: readonly string[]
}

/** The parts of a KeyboardEvent a key test looks at. */
export type KeyStroke = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'
>

/**
 * One user action (GUIDE §4): a name (also its i18n key under `shortcuts.`), the keys that
 * trigger it as shown in the help panel, a key test, which roles have it at all, a predicate
 * saying whether it applies now, and what it does.
 */
export interface SegmentAction {
  name:
    | 'confirmAndNext'
    | 'approveAndNext'
    | 'rejectSegment'
    | 'reopenSegment'
    | 'gotoNextSegment'
    | 'gotoPreviousSegment'
    | 'copySourceToTarget'
    | 'openFind'
    | 'openGoTo'
    | 'openConcordance'
  keys: readonly (readonly string[])[]
  keyTest(stroke: KeyStroke): boolean
  /** Whether the role has this action; the help panel lists only the user's. */
  isAllowed(role: ActingRole): boolean
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

/**
 * The next segment that `matches` and nobody else has open, for the moves that pick the next
 * piece of work (Ctrl+Enter). Tells the user what it passed over, and when it wrapped.
 */
export function moveToNextFree(
  context: SegmentActionContext,
  from: number,
  matches: (segment: SegmentView) => boolean,
  nothingLeft: 'allTranslated' | 'allReviewed',
): void {
  const skipped: { number: number; names: readonly string[] }[] = []
  const next = nextSegmentWhere(context, from, (segment) => {
    if (!matches(segment)) return false
    const names = context.editorsOf(segment.id)
    if (names.length === 0) return true
    skipped.push({ number: segment.index + 1, names })
    return false
  })
  const wrapped = next !== null && next < from
  if (next !== null) context.activate(next)
  if (skipped.length > 0) {
    context.notify({ kind: 'skipped', skipped, wrapped, onlyBusyLeft: next === null })
  } else if (next === null) context.notify(nothingLeft)
  else if (wrapped) context.notify('wrapped')
}

/** The first segment after `from`, wrapping around, that `matches`; null when none does. */
export function nextSegmentWhere(
  context: SegmentActionContext,
  from: number,
  matches: (segment: SegmentView) => boolean,
): number | null {
  for (let step = 1; step < context.segmentCount; step++) {
    const index = (from + step) % context.segmentCount
    const segment = context.segment(index)
    if (segment !== undefined && matches(segment)) return index
  }
  return null
}
