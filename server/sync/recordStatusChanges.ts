import { statusEntry, type AuditLog } from '../audit/index.ts'
import type { Peer } from './authorize.ts'
import type { StatusChange } from './validation/index.ts'

/** Called once an accepted update that moves statuses is stored and applied. */
export type StatusChangesRecorder = (
  peer: Peer,
  change: { documentId: string; statusChanges: readonly StatusChange[] },
) => Promise<void>

/**
 * Writes one audit entry per status move, by the sender, with a rejection's reason (the
 * review note the same update wrote, as the validator found it).
 */
export function auditStatusChanges(audit: AuditLog): StatusChangesRecorder {
  return async (peer, { documentId, statusChanges }) => {
    if (statusChanges.length === 0) return
    const at = Date.now()
    const entries = statusChanges.map(({ reason, ...change }) =>
      statusEntry({
        userId: peer.userId,
        projectId: peer.projectId,
        documentId,
        segmentId: change.segmentId,
        from: change.from,
        to: change.to,
        at,
        ...(reason === undefined ? {} : { reason }),
      }),
    )
    await audit.appendAll(entries)
  }
}
