import type * as Y from 'yjs'
import { setStatus, userOrigin } from '@qalam/shared/model'

/**
 * Approves the segments in one Yjs transaction, so peers and the server see one update: it is
 * accepted or refused as a whole, and the audit log records each approval of it.
 */
export function approveSegments(doc: Y.Doc, segmentIds: readonly string[], userId: string): void {
  if (segmentIds.length === 0) return
  doc.transact(() => {
    // Each setStatus opens its own transaction, which joins this outer one.
    for (const id of segmentIds) setStatus(doc, id, 'approved', userId)
  }, userOrigin(userId))
}
