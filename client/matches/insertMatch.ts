import type * as Y from 'yjs'
import { setTargetTagged } from '@qalam/shared/model'
import { replaceActiveTarget } from '../glossary/InsertTextPlugin.tsx'
import type { SegmentMatch } from './matchesApi.ts'

/**
 * Replaces the active segment's target with a match. A match whose unit's tags were mapped onto
 * this segment's is written with them in one change, as the copy of the source is; one without
 * goes through the open editor like typing.
 */
export function insertMatch(
  match: SegmentMatch,
  active: { doc: Y.Doc; segmentId: string | null; userId: string },
): void {
  if (match.targetTags.length === 0 || active.segmentId === null) {
    replaceActiveTarget(match.target)
    return
  }
  const target = { text: match.target, tags: match.targetTags }
  setTargetTagged(active.doc, active.segmentId, target, active.userId)
}
