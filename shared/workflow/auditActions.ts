/** What an audit entry records. Status moves are split by their meaning for reviewers. */
export const AUDIT_ACTIONS = [
  'status',
  'approve',
  'reject',
  'reopen',
  'member.add',
  'member.role',
  'member.remove',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
