import { AUDIT_ACTIONS, type AuditAction } from '@qalam/shared/workflow'
import type { AuditEntry, AuditPage, NewAuditEntry, PageRequest } from './AuditLog.ts'

/** An `audit_log` row as both adapters read it. */
export interface AuditRow {
  id: number
  at: number
  user_id: string
  project_id: string
  document_id: string | null
  segment_id: string | null
  action: string
  detail: string
}

const MAX_PAGE = 500
/** Larger than any id either engine hands out, so "before" can always be bound. */
export const NEWEST = Number.MAX_SAFE_INTEGER

export function toEntry(row: AuditRow): AuditEntry {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(row.action)) {
    throw new Error(`unknown audit action in database: ${row.action}`)
  }
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    projectId: row.project_id,
    documentId: row.document_id,
    segmentId: row.segment_id,
    action: row.action as AuditAction,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }
}

/** The values of an INSERT into (at, user_id, project_id, document_id, segment_id, action, detail). */
export const insertValues = (entry: NewAuditEntry) => [
  entry.at ?? Date.now(),
  entry.userId,
  entry.projectId,
  entry.documentId ?? null,
  entry.segmentId ?? null,
  entry.action,
  JSON.stringify(entry.detail),
]

/** The page size asked for, within 1..500. */
export const pageLimit = (request: PageRequest) =>
  Math.max(1, Math.min(MAX_PAGE, Math.floor(request.limit)))

/** Queries fetch one row more than the limit: that tells whether another page exists. */
export function toPage(rows: AuditRow[], limit: number): AuditPage {
  const entries = rows.slice(0, limit).map(toEntry)
  const last = entries[entries.length - 1]
  return rows.length > limit && last ? { entries, next: last.id } : { entries }
}
