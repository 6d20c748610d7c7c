import { describe } from 'vitest'
import { hasPostgres, openTestPool } from '../../../test/support/postgres.ts'
import { describeSegmentationStore } from '../segmentationStoreSuite.ts'
import { createPostgresSegmentationStore } from './PostgresSegmentationStore.ts'

describe.skipIf(!hasPostgres)('PostgreSQL segmentation store', () => {
  describeSegmentationStore('postgres', async () => {
    const database = await openTestPool('segmentation')
    return {
      store: createPostgresSegmentationStore(database.pool),
      async createProject(id) {
        await database.query('INSERT INTO projects (id, name, created_at) VALUES (?, ?, 1)', [
          id,
          id,
        ])
      },
      async purgeProject(id) {
        await database.query('DELETE FROM projects WHERE id = ?', [id])
      },
      dispose: () => database.dispose(),
    }
  })
})
