import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { AuthStore } from '../AuthStore.ts'
import { describeAuthStore } from '../authStoreSuite.ts'
import { createSqliteAuthStore } from './SqliteAuthStore.ts'

describeAuthStore('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-auth-'))
  const db = new Database(join(dir, 'qalam.sqlite'))
  db.pragma('journal_mode = WAL')
  return {
    store: createSqliteAuthStore(db),
    async query(sql, params = []) {
      const statement = db.prepare(sql)
      if (statement.reader) return statement.all(...params)
      statement.run(...params)
      return []
    },
    async dispose() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

let dir: string
let file: string
let db: Database.Database
let store: AuthStore

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-auth-'))
  file = join(dir, 'qalam.sqlite')
  db = new Database(file)
  db.pragma('journal_mode = WAL')
  store = createSqliteAuthStore(db)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const user = (username: string) =>
  store.createUser({ username, passwordHash: `hash-of-${username}`, isAdmin: false })

describe('the shared database file', () => {
  test('opens twice on the same file without losing data, and keeps users across reopen', async () => {
    await user('abai')
    const again = createSqliteAuthStore(db)
    expect((await again.listUsers()).map((u) => u.username)).toEqual(['abai'])
    db.close()
    db = new Database(file)
    store = createSqliteAuthStore(db)
    expect((await store.findUserByName('abai'))?.username).toBe('abai')
  })

  test('creates no documents table, which belongs to the document store', () => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all() as Array<{ name: string }>
    expect(tables.map((t) => t.name).sort()).toEqual([
      'project_documents',
      'project_members',
      'projects',
      'sessions',
      'users',
    ])
  })
})
