import type { SegmentStatus } from '@qalam/shared/model'
import type { AuditAction } from '@qalam/shared/workflow'
import type { NewAuditEntry } from './AuditLog.ts'

/** The audit action a status move stands for: approving, rejecting, reopening, or plain work. */
export function statusAction(from: SegmentStatus, to: SegmentStatus): AuditAction {
  if (to === 'approved') return 'approve'
  if (to === 'rejected') return 'reject'
  if (from === 'approved') return 'reopen'
  return 'status'
}

/** The entry for one segment's status move; `reason` is what a reviewer gave for a rejection. */
export function statusEntry(input: {
  userId: string
  projectId: string
  documentId: string
  segmentId: string
  from: SegmentStatus
  to: SegmentStatus
  reason?: string
  /** 1-based, as the grid shows it; segments never move, so the number stays right. */
  segmentNumber?: number
  at?: number
}): NewAuditEntry {
  const { from, to, reason, segmentNumber } = input
  return {
    userId: input.userId,
    projectId: input.projectId,
    documentId: input.documentId,
    segmentId: input.segmentId,
    action: statusAction(from, to),
    detail: {
      from,
      to,
      ...(reason === undefined ? {} : { reason }),
      ...(segmentNumber === undefined ? {} : { segmentNumber }),
    },
    ...(input.at === undefined ? {} : { at: input.at }),
  }
}
