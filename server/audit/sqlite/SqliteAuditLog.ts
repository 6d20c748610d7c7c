import type Database from 'better-sqlite3'
import { AUDIT_ACTIONS, type AuditAction } from '@qalam/shared/workflow'
import type { AuditEntry, AuditLog, AuditPage, NewAuditEntry, PageRequest } from '../AuditLog.ts'
import { CREATE_AUDIT_SCHEMA } from './schema.ts'

interface AuditRow {
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
// Larger than any id SQLite hands out, so "before" can always be bound.
const NEWEST = Number.MAX_SAFE_INTEGER

function toEntry(row: AuditRow): AuditEntry {
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

/** The AuditLog on the server's SQLite handle; creates its table if missing. */
export function createSqliteAuditLog(db: Database.Database): AuditLog {
  db.exec(CREATE_AUDIT_SCHEMA)
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, project_id, document_id, segment_id, action, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  )
  const selectForSegment = db.prepare(
    `SELECT * FROM audit_log WHERE document_id = ? AND segment_id = ? AND id < ?
     ORDER BY id DESC LIMIT ?`,
  )
  const selectForProject = db.prepare(
    'SELECT * FROM audit_log WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
  )

  const appendOne = (entry: NewAuditEntry): AuditEntry =>
    toEntry(
      insert.get(
        entry.at ?? Date.now(),
        entry.userId,
        entry.projectId,
        entry.documentId ?? null,
        entry.segmentId ?? null,
        entry.action,
        JSON.stringify(entry.detail),
      ) as AuditRow,
    )
  const appendMany = db.transaction((entries: readonly NewAuditEntry[]) => entries.map(appendOne))

  // One row more than asked tells whether another page exists without a count query.
  const page = (rows: AuditRow[], limit: number): AuditPage => {
    const entries = rows.slice(0, limit).map(toEntry)
    const last = entries[entries.length - 1]
    return rows.length > limit && last ? { entries, next: last.id } : { entries }
  }
  const clamp = (request: PageRequest) => Math.max(1, Math.min(MAX_PAGE, Math.floor(request.limit)))

  return {
    async append(entry) {
      return appendOne(entry)
    },
    async appendAll(entries) {
      return appendMany(entries)
    },
    async listForSegment(documentId, segmentId, request) {
      const limit = clamp(request)
      const rows = selectForSegment.all(documentId, segmentId, request.before ?? NEWEST, limit + 1)
      return page(rows as AuditRow[], limit)
    },
    async listForProject(projectId, request) {
      const limit = clamp(request)
      const rows = selectForProject.all(projectId, request.before ?? NEWEST, limit + 1)
      return page(rows as AuditRow[], limit)
    },
  }
}
