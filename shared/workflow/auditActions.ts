/** What an audit entry records. Status moves are split by their meaning for reviewers. */
export const AUDIT_ACTIONS = [
  'status',
  'approve',
  // Typing sent before the approval reached its author, kept in the approved text.
  'approve.lateTyping',
  'reject',
  'reopen',
  'member.add',
  'member.role',
  'member.remove',
  'document.rename',
  'document.delete',
  'document.restore',
  'project.rename',
  'project.delete',
  'project.restore',
  'project.exportRule',
  // The manager turned the pre-fill of exact matches on imports on or off.
  'project.prefillRule',
  // An import filled exact memory matches in as drafts: how many, of how many segments.
  'document.prefill',
  // A reviewer or manager changed or removed a glossary entry: its terms before (and after).
  'glossary.entryEdit',
  'glossary.entryDelete',
] as const

/** How long a deleted document or project stays in the bin before it is purged for good. */
export const DELETED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
