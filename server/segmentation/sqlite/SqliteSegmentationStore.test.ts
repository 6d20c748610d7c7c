import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createSqliteAuthStore } from '../../auth/index.ts'
import { describeSegmentationStore } from '../segmentationStoreSuite.ts'
import { createSqliteSegmentationStore } from './SqliteSegmentationStore.ts'

describeSegmentationStore('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-segmentation-'))
  const db = new Database(join(dir, 'qalam.sqlite'))
  // The projects table is the auth store's; it also turns foreign keys on.
  createSqliteAuthStore(db)
  return {
    store: createSqliteSegmentationStore(db),
    async createProject(id) {
      db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, 1)').run(id, id)
    },
    async purgeProject(id) {
      db.prepare('DELETE FROM projects WHERE id = ?').run(id)
    },
    async dispose() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
