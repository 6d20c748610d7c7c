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
  /** The target text, recorded with an approval: what exactly was approved. */
  text?: string
  at?: number
}): NewAuditEntry {
  const { from, to, reason, segmentNumber, text } = input
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
      ...(text === undefined ? {} : { text }),
    },
    ...(input.at === undefined ? {} : { at: input.at }),
  }
}

/**
 * A translator's typing, sent before an approval reached them, went into the approved text;
 * `text` is the approved text with it.
 */
export function lateTypingEntry(input: {
  userId: string
  projectId: string
  documentId: string
  segmentId: string
  segmentNumber: number
  text: string
}): NewAuditEntry {
  return {
    userId: input.userId,
    projectId: input.projectId,
    documentId: input.documentId,
    segmentId: input.segmentId,
    action: 'approve.lateTyping',
    detail: { segmentNumber: input.segmentNumber, text: input.text },
  }
}
