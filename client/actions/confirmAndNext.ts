import { setStatus, type SegmentStatus, type SegmentView } from '@qalam/shared/model'
import {
  activeSegment,
  isPrimaryModifier,
  moveToNextFree,
  type SegmentAction,
} from './segmentAction.ts'

const DONE: ReadonlySet<SegmentStatus> = new Set(['translated', 'approved'])

/**
 * Marks the active segment translated and moves to the next segment still needing work.
 * Translators only: for reviewers the same keys approve (approveAndNext).
 */
export const confirmAndNext: SegmentAction = {
  name: 'confirmAndNext',
  keys: [['Ctrl', 'Enter']],
  keyTest: (stroke) => stroke.key === 'Enter' && isPrimaryModifier(stroke) && !stroke.shiftKey,
  isAllowed: (role) => role === 'translator',
  predicate: (context) => {
    const segment = activeSegment(context)
    return segment !== undefined && segment.status !== 'approved' && segment.target.trim() !== ''
  },
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment === undefined) return
    // A translator picks a rejected segment up as a draft before confirming it again; the server
    // refuses rejected -> translated in one step, so these are two updates.
    if (segment.status === 'rejected') setStatus(context.doc, segment.id, 'draft', context.userId)
    setStatus(context.doc, segment.id, 'translated', context.userId)
    context.offerRepetitions(segment)
    // Never a silent jump back to segment 1, nor into a segment a colleague is typing in: say
    // that the search began again, what it passed over, or that nothing is left.
    moveToNextFree(context, segment.index, isOpen, 'allTranslated')
  },
}

/** Whether a segment still needs a translator: neither translated nor approved. */
function isOpen(segment: SegmentView): boolean {
  return !DONE.has(segment.status)
}
