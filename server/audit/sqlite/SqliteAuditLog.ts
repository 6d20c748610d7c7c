import type Database from 'better-sqlite3'
import type { AuditEntry, AuditLog, NewAuditEntry } from '../AuditLog.ts'
import { NEWEST, insertValues, pageLimit, toEntry, toPage, type AuditRow } from '../auditRows.ts'
import { CREATE_AUDIT_SCHEMA } from './schema.ts'

/** Creates the audit table and its append-only triggers; idempotent. */
export function createSqliteAuditSchema(db: Database.Database): void {
  db.exec(CREATE_AUDIT_SCHEMA)
}

/** The AuditLog on the server's SQLite handle; creates its table if missing. */
export function createSqliteAuditLog(db: Database.Database): AuditLog {
  createSqliteAuditSchema(db)
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
    toEntry(insert.get(...insertValues(entry)) as AuditRow)
  const appendMany = db.transaction((entries: readonly NewAuditEntry[]) => entries.map(appendOne))

  return {
    async append(entry) {
      return appendOne(entry)
    },
    async appendAll(entries) {
      return appendMany(entries)
    },
    async listForSegment(documentId, segmentId, request) {
      const limit = pageLimit(request)
      const rows = selectForSegment.all(documentId, segmentId, request.before ?? NEWEST, limit + 1)
      return toPage(rows as AuditRow[], limit)
    },
    async listForProject(projectId, request) {
      const limit = pageLimit(request)
      const rows = selectForProject.all(projectId, request.before ?? NEWEST, limit + 1)
      return toPage(rows as AuditRow[], limit)
    },
  }
}
