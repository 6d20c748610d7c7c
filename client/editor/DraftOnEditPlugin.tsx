import { useEffect } from 'react'
import type * as Y from 'yjs'
import {
  segmentStatus,
  segmentTarget,
  setSegmentStatus,
  targetText,
  type SegmentMap,
} from '@qalam/shared/model'

/**
 * Moves a `new` segment to `draft` as soon as this user's edits leave text in it, and picks a
 * rejected one back up as a draft on its first edit. Remote edits are left to the user who
 * made them; clearing the text does not move the status back.
 */
export function DraftOnEditPlugin({
  doc,
  segment,
  userId,
}: {
  doc: Y.Doc
  segment: SegmentMap
  userId: string
}): null {
  useEffect(() => {
    const target = segmentTarget(segment)
    // The binding also writes when nothing was typed (block attributes on mount); only a change
    // of the text itself is an edit.
    let knownText = targetText(segment)
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      const text = targetText(segment)
      const isEdit = text !== knownText
      knownText = text
      const status = segmentStatus(segment)
      if (!transaction.local || !isEdit || (status !== 'new' && status !== 'rejected')) return
      if (text.length === 0) return
      setSegmentStatus(doc, segment, 'draft', userId)
    }
    target.observeDeep(onChange)
    return () => target.unobserveDeep(onChange)
  }, [doc, segment, userId])
  return null
}
