import { describe } from 'vitest'
import { createPostgresAuthStore } from '../../auth/index.ts'
import { hasPostgres, openTestPool } from '../../../test/support/postgres.ts'
import { describeGlossaryStore } from '../glossaryStoreSuite.ts'
import { createPostgresGlossaryStore } from './PostgresGlossaryStore.ts'

describe.skipIf(!hasPostgres)('PostgreSQL glossary store', () => {
  describeGlossaryStore('postgres', async () => {
    const database = await openTestPool('glossary')
    const auth = createPostgresAuthStore(database.pool)
    return {
      store: createPostgresGlossaryStore(database.pool),
      createProject: async () => (await auth.createProject('Project')).id,
      dispose: () => database.dispose(),
    }
  })
})
