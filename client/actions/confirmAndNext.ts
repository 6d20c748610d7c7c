import { setStatus, type SegmentStatus } from '@qalam/shared/model'
import {
  activeSegment,
  isPrimaryModifier,
  nextSegmentWhere,
  type SegmentAction,
  type SegmentActionContext,
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
    const next = nextOpenSegment(context, segment.index)
    // Never a silent jump back to segment 1: say that the search began again, or that
    // nothing is left.
    if (next === null) context.notify('allTranslated')
    else {
      context.activate(next)
      if (next < segment.index) context.notify('wrapped')
    }
  },
}

/** The first segment after `from` (wrapping around) that is neither translated nor approved. */
export function nextOpenSegment(context: SegmentActionContext, from: number): number | null {
  return nextSegmentWhere(context, from, (segment) => !DONE.has(segment.status))
}
