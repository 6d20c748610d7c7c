import type Database from 'better-sqlite3'
import type pg from 'pg'
import { inTransaction } from '../postgres/index.ts'
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgresMigrations.ts'
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqliteMigrations.ts'

/** Where a database stands: the last step applied and the last step this code knows. */
export interface MigrationStatus {
  current: number
  latest: number
}

export interface MigrationResult extends MigrationStatus {
  /** Versions applied by this run, in order; empty when the database was current. */
  applied: number[]
}

/** Thrown when the database was migrated by a newer release than this one. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError'
  constructor(readonly status: MigrationStatus) {
    super(`database schema ${status.current} is newer than this server knows (${status.latest})`)
  }
}

export const isCurrent = (status: MigrationStatus) => status.current === status.latest

const latestOf = (migrations: readonly { version: number }[]) => migrations.at(-1)?.version ?? 0

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`

function sqliteVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!table) return 0
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
    version: number | null
  }
  return row.version ?? 0
}

/** The status of the file open in `db`; null stands for a file that does not exist yet. */
export function sqliteMigrationStatus(
  db: Database.Database | null,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
): MigrationStatus {
  return { current: db ? sqliteVersion(db) : 0, latest: latestOf(migrations) }
}

/**
 * Applies the steps the file lacks, each in its own transaction with its version row, so a
 * crash mid-way leaves the file at the last step that completed. SQLite lets one writer in at
 * a time, so two processes starting together apply each step once.
 */
export function migrateSqlite(
  db: Database.Database,
  migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS,
): MigrationResult {
  db.exec(CREATE_MIGRATIONS_TABLE)
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  )
  const applied: number[] = []
  for (const migration of migrations) {
    const ran = db
      .transaction(() => {
        // Read inside the write transaction: another process may have applied it meanwhile.
        if (sqliteVersion(db) >= migration.version) return false
        migration.up(db)
        record.run(migration.version, migration.name, Date.now())
        return true
      })
      .immediate()
    if (ran) applied.push(migration.version)
  }
  const status = sqliteMigrationStatus(db, migrations)
  if (status.current > status.latest) throw new NewerSchemaError(status)
  return { ...status, applied }
}

async function postgresVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN NULL
            ELSE (SELECT max(version) FROM schema_migrations) END AS version`,
  )
  return rows[0]?.version ?? 0
}

export async function postgresMigrationStatus(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<MigrationStatus> {
  return { current: await postgresVersion(pool), latest: latestOf(migrations) }
}

/**
 * Applies the missing steps in one transaction (PostgreSQL's DDL is transactional: all of
 * them or none) under an advisory lock named after the schema, so that several processes
 * starting at once against one database migrate it once and the others wait, then find it
 * current.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<MigrationResult> {
  const applied = await inTransaction(pool, async (client) => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('qalam.migrate.' || current_schema()))",
    )
    await client.query(CREATE_MIGRATIONS_TABLE)
    const current = await postgresVersion(client)
    const done: number[] = []
    for (const migration of migrations) {
      if (migration.version <= current) continue
      await client.query(migration.sql)
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      )
      done.push(migration.version)
    }
    return done
  })
  const status = await postgresMigrationStatus(pool, migrations)
  if (status.current > status.latest) throw new NewerSchemaError(status)
  return { ...status, applied }
}
