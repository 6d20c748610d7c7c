import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { openTestPool } from '../../test/support/postgres.ts'
import { createTestSchema, hasPostgres } from '../../test/support/postgres.ts'
import { createSqliteAuthStore } from '../auth/index.ts'
import { openPostgresPool } from '../postgres/index.ts'
import { BOOKKEEPING_TABLES, COPIED_TABLES } from './copy/index.ts'
import {
  NewerSchemaError,
  migratePostgres,
  migrateSqlite,
  postgresMigrationStatus,
  sqliteMigrationStatus,
} from './migrate.ts'
import { POSTGRES_MIGRATIONS } from './postgresMigrations.ts'
import { SQLITE_MIGRATIONS } from './sqliteMigrations.ts'

const LATEST = SQLITE_MIGRATIONS.at(-1)!.version
const copied = COPIED_TABLES.map((table) => table.name).sort()

/** A step as a later release would add it: a new nullable column, data untouched. */
const NEXT_STEP = { version: LATEST + 1, name: 'users gain a display name' }
const SQLITE_WITH_NEXT = [
  ...SQLITE_MIGRATIONS,
  {
    ...NEXT_STEP,
    up: (db: Database.Database) => db.exec('ALTER TABLE users ADD COLUMN display_name TEXT'),
  },
]
const POSTGRES_WITH_NEXT = [
  ...POSTGRES_MIGRATIONS,
  { ...NEXT_STEP, sql: 'ALTER TABLE users ADD COLUMN display_name TEXT' },
]

describe('SQLite migrations', () => {
  let dir: string
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-migrate-'))
    return new Database(join(dir, 'qalam.sqlite'))
  }
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const tables = (db: Database.Database) =>
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
        name: string
      }>
    )
      .map((row) => row.name)
      .filter((name) => !BOOKKEEPING_TABLES.has(name))
      .sort()

  test('an empty file gets every table db copy knows, at the latest version, once', () => {
    const db = open()
    expect(sqliteMigrationStatus(db)).toEqual({ current: 0, latest: LATEST })
    expect(migrateSqlite(db).applied).toEqual(SQLITE_MIGRATIONS.map((m) => m.version))
    expect(tables(db)).toEqual(copied)
    expect(migrateSqlite(db)).toEqual({ current: LATEST, latest: LATEST, applied: [] })
    db.close()
  })

  test('a file from before versions were recorded is adopted with its data', async () => {
    const db = open()
    // What the stores of the previous release created on their own.
    const user = await createSqliteAuthStore(db).createUser({
      username: 'abai',
      passwordHash: 'h',
      isAdmin: true,
    })
    expect(sqliteMigrationStatus(db).current).toBe(0)
    migrateSqlite(db)
    expect(sqliteMigrationStatus(db)).toEqual({ current: LATEST, latest: LATEST })
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: user.id }])
    db.close()
  })

  test('goes up from the previous version to the next, keeping data, and a newer file is refused', async () => {
    const db = open()
    migrateSqlite(db)
    await createSqliteAuthStore(db).createUser({
      username: 'abai',
      passwordHash: 'h',
      isAdmin: false,
    })
    expect(migrateSqlite(db, SQLITE_WITH_NEXT).applied).toEqual([LATEST + 1])
    expect(db.prepare('SELECT username, display_name FROM users').all()).toEqual([
      { username: 'abai', display_name: null },
    ])
    expect(() => migrateSqlite(db)).toThrow(NewerSchemaError)
    db.close()
  })
})

describe.skipIf(!hasPostgres)('PostgreSQL migrations', () => {
  test('an empty schema gets every table db copy knows, at the latest version, once', async () => {
    const database = await openTestPool('migrate_empty')
    try {
      // openTestPool migrated it; a second run changes nothing.
      expect(await postgresMigrationStatus(database.pool)).toEqual({
        current: LATEST,
        latest: LATEST,
      })
      expect(await migratePostgres(database.pool)).toEqual({
        current: LATEST,
        latest: LATEST,
        applied: [],
      })
      const rows = (await database.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
      )) as Array<{ table_name: string }>
      const names = rows
        .map((row) => row.table_name)
        .filter((name) => !BOOKKEEPING_TABLES.has(name))
      expect(names.sort()).toEqual(copied)
    } finally {
      await database.dispose()
    }
  })

  test('several processes migrating one empty schema at once apply each step once', async () => {
    const schema = await createTestSchema('migrate_race')
    const pools = [1, 2, 3].map(() =>
      openPostgresPool(schema.url, (error) => {
        throw error
      }),
    )
    try {
      const results = await Promise.all(pools.map((pool) => migratePostgres(pool)))
      expect(results.flatMap((result) => result.applied)).toEqual(
        POSTGRES_MIGRATIONS.map((m) => m.version),
      )
      const recorded = await pools[0]!.query(
        'SELECT version FROM schema_migrations ORDER BY version',
      )
      expect(recorded.rows.map((row: { version: number }) => row.version)).toEqual(
        POSTGRES_MIGRATIONS.map((m) => m.version),
      )
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
      await schema.drop()
    }
  })

  test('goes up from the previous version to the next, keeping data, and a newer schema is refused', async () => {
    const database = await openTestPool('migrate_next')
    try {
      await database.query(
        "INSERT INTO users (id, username, password_hash, created_at) VALUES ('u1', 'abai', 'h', 1)",
      )
      expect((await migratePostgres(database.pool, POSTGRES_WITH_NEXT)).applied).toEqual([
        LATEST + 1,
      ])
      expect(await database.query('SELECT username, display_name FROM users')).toEqual([
        { username: 'abai', display_name: null },
      ])
      await expect(migratePostgres(database.pool)).rejects.toBeInstanceOf(NewerSchemaError)
    } finally {
      await database.dispose()
    }
  })

  test('a failing step leaves the schema as it was', async () => {
    const database = await openTestPool('migrate_fail')
    try {
      const broken = [
        ...POSTGRES_MIGRATIONS,
        { ...NEXT_STEP, sql: 'ALTER TABLE nowhere ADD COLUMN x TEXT' },
      ]
      await expect(migratePostgres(database.pool, broken)).rejects.toBeInstanceOf(pg.DatabaseError)
      expect(await postgresMigrationStatus(database.pool)).toEqual({
        current: LATEST,
        latest: LATEST,
      })
    } finally {
      await database.dispose()
    }
  })
})
