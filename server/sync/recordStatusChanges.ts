import type * as Y from 'yjs'
import { segmentIndexes } from '@qalam/shared/model'
import { statusEntry, type AuditLog } from '../audit/index.ts'
import type { Peer } from './authorize.ts'
import type { StatusChange } from './validation/index.ts'

/** Called once an accepted update that moves statuses is stored and applied. */
export type StatusChangesRecorder = (
  peer: Peer,
  change: { documentId: string; statusChanges: readonly StatusChange[]; doc: Y.Doc },
) => Promise<void>

/**
 * Writes one audit entry per status move, by the sender, with a rejection's reason (the
 * review note the same update wrote, as the validator found it) and the segment's number, so
 * that an activity feed can name and link the segment without loading the document.
 */
export function auditStatusChanges(audit: AuditLog): StatusChangesRecorder {
  return async (peer, { documentId, statusChanges, doc }) => {
    if (statusChanges.length === 0) return
    const at = Date.now()
    const indexes = segmentIndexes(doc, new Set(statusChanges.map((change) => change.segmentId)))
    const entries = statusChanges.map(({ reason, ...change }) => {
      const index = indexes.get(change.segmentId)
      return statusEntry({
        userId: peer.userId,
        projectId: peer.projectId,
        documentId,
        segmentId: change.segmentId,
        from: change.from,
        to: change.to,
        at,
        ...(index === undefined ? {} : { segmentNumber: index + 1 }),
        ...(reason === undefined ? {} : { reason }),
      })
    })
    await audit.appendAll(entries)
  }
}
