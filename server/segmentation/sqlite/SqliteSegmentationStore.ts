import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { SrxRule } from '@qalam/shared/segmentation'
import type { SegmentationStore } from '../SegmentationStore.ts'
import { toException, type ExceptionRow } from '../exceptionRow.ts'
import { CREATE_SEGMENTATION_SCHEMA } from './schema.ts'

/** Creates the segmentation tables; idempotent. */
export function createSqliteSegmentationSchema(db: Database.Database): void {
  db.exec(CREATE_SEGMENTATION_SCHEMA)
}

/** The SegmentationStore on the server's SQLite handle; creates its tables if missing. */
export function createSqliteSegmentationStore(db: Database.Database): SegmentationStore {
  createSqliteSegmentationSchema(db)
  const selectSrx = db.prepare<[string], { srx: string }>(
    'SELECT srx FROM project_srx WHERE project_id = ?',
  )
  const selectExceptions = db.prepare<[string], ExceptionRow>(
    'SELECT * FROM segmentation_exceptions WHERE project_id = ? ORDER BY created_at, rowid',
  )
  const upsertSrx = db.prepare(
    `INSERT INTO project_srx (project_id, srx, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (project_id) DO UPDATE SET srx = excluded.srx, updated_at = excluded.updated_at`,
  )
  const deleteSrx = db.prepare('DELETE FROM project_srx WHERE project_id = ?')
  const insertException = db.prepare(
    `INSERT INTO segmentation_exceptions
       (id, project_id, lang, is_break, before_break, after_break, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const deleteException = db.prepare(
    'DELETE FROM segmentation_exceptions WHERE project_id = ? AND id = ?',
  )
  return {
    async load(projectId) {
      return {
        srx: selectSrx.get(projectId)?.srx ?? null,
        exceptions: selectExceptions.all(projectId).map(toException),
      }
    },
    async setSrx(projectId, srx) {
      if (srx === null) deleteSrx.run(projectId)
      else upsertSrx.run(projectId, srx, Date.now())
    },
    async addException(projectId, lang, rule: SrxRule) {
      const id = randomUUID()
      insertException.run(
        id,
        projectId,
        lang,
        rule.isBreak ? 1 : 0,
        rule.beforeBreak,
        rule.afterBreak,
        Date.now(),
      )
      return { id, lang, rule }
    },
    async removeException(projectId, exceptionId) {
      return deleteException.run(projectId, exceptionId).changes > 0
    },
  }
}
