import { setStatus, type SegmentStatus } from '@qalam/shared/model'
import {
  activeSegment,
  isPrimaryModifier,
  type SegmentAction,
  type SegmentActionContext,
} from './segmentAction.ts'

const DONE: ReadonlySet<SegmentStatus> = new Set(['translated', 'approved'])

/** Marks the active segment translated and moves to the next segment still needing work. */
export const confirmAndNext: SegmentAction = {
  name: 'confirmAndNext',
  keys: [['Ctrl', 'Enter']],
  keyTest: (stroke) => stroke.key === 'Enter' && isPrimaryModifier(stroke) && !stroke.shiftKey,
  predicate: (context) => {
    const segment = activeSegment(context)
    return segment !== undefined && segment.status !== 'approved' && segment.target.trim() !== ''
  },
  perform: (context) => {
    const segment = activeSegment(context)
    if (segment === undefined) return
    setStatus(context.doc, segment.id, 'translated', context.userId)
    const next = nextOpenSegment(context, segment.index)
    if (next !== null) context.activate(next)
  },
}

/** The first segment after `from` (wrapping around) that is neither translated nor approved. */
export function nextOpenSegment(context: SegmentActionContext, from: number): number | null {
  for (let step = 1; step < context.segmentCount; step++) {
    const index = (from + step) % context.segmentCount
    const segment = context.segment(index)
    if (segment !== undefined && !DONE.has(segment.status)) return index
  }
  return null
}
