import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { AuditLog } from '../AuditLog.ts'
import { describeAuditLog } from '../auditLogSuite.ts'
import { statusEntry } from '../statusEntry.ts'
import { createSqliteAuditLog } from './SqliteAuditLog.ts'

let dir: string
let file: string
let db: Database.Database
let log: AuditLog

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-audit-'))
  file = join(dir, 'qalam.sqlite')
  db = new Database(file)
  log = createSqliteAuditLog(db)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const base = { userId: 'u-reviewer', projectId: 'p1', documentId: 'd1' }

describeAuditLog('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-audit-'))
  const file = join(dir, 'qalam.sqlite')
  const db = new Database(file)
  return {
    log: createSqliteAuditLog(db),
    async execute(sql) {
      // Another handle on the file: the triggers hold for every writer, not only this one.
      const other = new Database(file)
      try {
        other.prepare(sql).run()
      } finally {
        other.close()
      }
    },
    async dispose() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

describe('audit log in a SQLite file', () => {
  test('keeps entries across reopening the file', async () => {
    await log.append(statusEntry({ ...base, segmentId: 's1', from: 'new', to: 'draft' }))
    db.close()
    db = new Database(file)
    log = createSqliteAuditLog(db)
    expect((await log.listForSegment('d1', 's1', { limit: 5 })).entries).toHaveLength(1)
  })
})
