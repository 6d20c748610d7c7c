import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { SrxRule } from '@qalam/shared/segmentation'
import type { SegmentationStore } from '../SegmentationStore.ts'
import { toException, type ExceptionRow } from '../exceptionRow.ts'

/** The SegmentationStore on PostgreSQL; the caller owns the pool. */
export function createPostgresSegmentationStore(pool: pg.Pool): SegmentationStore {
  return {
    async load(projectId) {
      const srx = await pool.query<{ srx: string }>(
        'SELECT srx FROM project_srx WHERE project_id = $1',
        [projectId],
      )
      const exceptions = await pool.query<ExceptionRow>(
        `SELECT id, lang, is_break, before_break, after_break FROM segmentation_exceptions
         WHERE project_id = $1 ORDER BY created_at, row_order`,
        [projectId],
      )
      return { srx: srx.rows[0]?.srx ?? null, exceptions: exceptions.rows.map(toException) }
    },
    async setSrx(projectId, srx) {
      if (srx === null) {
        await pool.query('DELETE FROM project_srx WHERE project_id = $1', [projectId])
        return
      }
      await pool.query(
        `INSERT INTO project_srx (project_id, srx, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (project_id) DO UPDATE SET srx = excluded.srx, updated_at = excluded.updated_at`,
        [projectId, srx, Date.now()],
      )
    },
    async addException(projectId, lang, rule: SrxRule) {
      const id = randomUUID()
      await pool.query(
        `INSERT INTO segmentation_exceptions
           (id, project_id, lang, is_break, before_break, after_break, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, projectId, lang, rule.isBreak ? 1 : 0, rule.beforeBreak, rule.afterBreak, Date.now()],
      )
      return { id, lang, rule }
    },
    async removeException(projectId, exceptionId) {
      const result = await pool.query(
        'DELETE FROM segmentation_exceptions WHERE project_id = $1 AND id = $2',
        [projectId, exceptionId],
      )
      return (result.rowCount ?? 0) > 0
    },
  }
}
