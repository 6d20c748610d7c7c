import { describe } from 'vitest'
import { hasPostgres, openTestPool } from '../../../test/support/postgres.ts'
import { describeAuthStore } from '../authStoreSuite.ts'
import { createPostgresAuthStore } from './PostgresAuthStore.ts'

describe.skipIf(!hasPostgres)('PostgreSQL auth store', () => {
  describeAuthStore('postgres', async () => {
    const database = await openTestPool('auth')
    return { ...database, store: createPostgresAuthStore(database.pool) }
  })
})
