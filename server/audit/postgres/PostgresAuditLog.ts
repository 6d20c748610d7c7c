import type pg from 'pg'
import { inTransaction } from '../../postgres/index.ts'
import type { AuditEntry, AuditLog } from '../AuditLog.ts'
import { NEWEST, insertValues, pageLimit, toEntry, toPage, type AuditRow } from '../auditRows.ts'

const INSERT = `INSERT INTO audit_log (at, user_id, project_id, document_id, segment_id, action, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`

/**
 * The AuditLog on PostgreSQL. The table's trigger (server/database migrations) refuses
 * UPDATE, DELETE and TRUNCATE for every client of the database, not only this code.
 */
export function createPostgresAuditLog(pool: pg.Pool): AuditLog {
  return {
    async append(entry) {
      const { rows } = await pool.query<AuditRow>(INSERT, insertValues(entry))
      return toEntry(rows[0]!)
    },
    async appendAll(entries) {
      return inTransaction(pool, async (client) => {
        const appended: AuditEntry[] = []
        for (const entry of entries) {
          const { rows } = await client.query<AuditRow>(INSERT, insertValues(entry))
          appended.push(toEntry(rows[0]!))
        }
        return appended
      })
    },
    async listForSegment(documentId, segmentId, request) {
      const limit = pageLimit(request)
      const { rows } = await pool.query<AuditRow>(
        `SELECT * FROM audit_log WHERE document_id = $1 AND segment_id = $2 AND id < $3
         ORDER BY id DESC LIMIT $4`,
        [documentId, segmentId, request.before ?? NEWEST, limit + 1],
      )
      return toPage(rows, limit)
    },
    async listForProject(projectId, request) {
      const limit = pageLimit(request)
      const { rows } = await pool.query<AuditRow>(
        'SELECT * FROM audit_log WHERE project_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3',
        [projectId, request.before ?? NEWEST, limit + 1],
      )
      return toPage(rows, limit)
    },
  }
}
