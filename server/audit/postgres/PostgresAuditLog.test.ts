import { describe, expect, test } from 'vitest'
import { hasPostgres, openTestPool } from '../../../test/support/postgres.ts'
import { describeAuditLog } from '../auditLogSuite.ts'
import { statusEntry } from '../statusEntry.ts'
import { createPostgresAuditLog } from './PostgresAuditLog.ts'

describe.skipIf(!hasPostgres)('PostgreSQL audit log', () => {
  describeAuditLog('postgres', async () => {
    const database = await openTestPool('audit')
    return {
      log: createPostgresAuditLog(database.pool),
      execute: async (sql) => void (await database.query(sql)),
      dispose: () => database.dispose(),
    }
  })

  test('refuses TRUNCATE too, which skips row triggers', async () => {
    const database = await openTestPool('audit_truncate')
    try {
      const log = createPostgresAuditLog(database.pool)
      await log.append(
        statusEntry({
          userId: 'u1',
          projectId: 'p1',
          documentId: 'd1',
          segmentId: 's1',
          from: 'new',
          to: 'draft',
        }),
      )
      await expect(database.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/)
      expect((await log.listForProject('p1', { limit: 5 })).entries).toHaveLength(1)
    } finally {
      await database.dispose()
    }
  })
})
