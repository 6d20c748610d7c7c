import type * as Y from 'yjs'
import { segmentAt, segmentIndexes, targetText } from '@qalam/shared/model'
import { lateTypingEntry, statusEntry, type AuditLog } from '../audit/index.ts'
import type { Peer } from './authorize.ts'
import type { StatusChange } from './validation/index.ts'

/** Called once an accepted update that moves statuses is stored and applied. */
export type StatusChangesRecorder = (
  peer: Peer,
  change: { documentId: string; statusChanges: readonly StatusChange[]; doc: Y.Doc },
) => Promise<void>

/** Called when typing sent before an approval was added to the approved segments named. */
export type LateTypingRecorder = (
  peer: Peer,
  change: { documentId: string; segmentIds: readonly string[]; doc: Y.Doc },
) => Promise<void>

/**
 * Writes one audit entry per status move, by the sender, with a rejection's reason (the
 * review note the same update wrote, as the validator found it) and the segment's number, so
 * that an activity feed can name and link the segment without loading the document. An
 * approval records the text approved.
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
        ...(change.to === 'approved' && index !== undefined
          ? { text: targetText(segmentAt(doc, index)!) }
          : {}),
      })
    })
    await audit.appendAll(entries)
  }
}

/**
 * One entry per segment whose approved text took in typing the sender had sent before the
 * approval reached them, with the approved text as it stands now: the approval's own entry
 * holds the text at the moment of approval, this one what the segment ended up with.
 */
export function auditLateTyping(audit: AuditLog): LateTypingRecorder {
  return async (peer, { documentId, segmentIds, doc }) => {
    const indexes = segmentIndexes(doc, new Set(segmentIds))
    const entries = segmentIds.flatMap((segmentId) => {
      const index = indexes.get(segmentId)
      if (index === undefined) return []
      return [
        lateTypingEntry({
          userId: peer.userId,
          projectId: peer.projectId,
          documentId,
          segmentId,
          segmentNumber: index + 1,
          text: targetText(segmentAt(doc, index)!),
        }),
      ]
    })
    if (entries.length > 0) await audit.appendAll(entries)
  }
}
