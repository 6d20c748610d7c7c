import { describe } from 'vitest'
import { hasPostgres, openTestPool } from '../../../test/support/postgres.ts'
import { describeTranslationMemoryStore } from '../translationMemoryStoreSuite.ts'
import { createPostgresTranslationMemoryStore } from './PostgresTranslationMemoryStore.ts'

describe.skipIf(!hasPostgres)('PostgreSQL translation memory store', () => {
  describeTranslationMemoryStore('postgres', async () => {
    const database = await openTestPool('tm')
    return {
      open: async () => createPostgresTranslationMemoryStore(database.pool),
      dispose: () => database.dispose(),
    }
  })
})
