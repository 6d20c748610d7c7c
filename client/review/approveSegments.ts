import type * as Y from 'yjs'
import { setStatuses } from '@qalam/shared/model'

/**
 * Approves the segments in one Yjs transaction, so peers and the server see one update: it is
 * accepted or refused as a whole, and the audit log records each approval of it.
 */
export function approveSegments(doc: Y.Doc, segmentIds: readonly string[], userId: string): void {
  setStatuses(doc, segmentIds, 'approved', userId)
}
