import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type pg from 'pg'
import { createPostgresAuditLog, createSqliteAuditLog, type AuditLog } from '../audit/index.ts'
import {
  createPostgresAuthStore,
  createPostgresKnownDevices,
  createSqliteAuthStore,
  createSqliteKnownDevices,
  type AuthStore,
  type KnownDevices,
} from '../auth/index.ts'
import {
  createPostgresGlossaryStore,
  createSqliteGlossaryStore,
  type GlossaryStore,
} from '../glossary/index.ts'
import type { Logger } from '../logging/index.ts'
import { openPostgresPool } from '../postgres/index.ts'
import {
  createPostgresSegmentationStore,
  createSqliteSegmentationStore,
  type SegmentationStore,
} from '../segmentation/index.ts'
import {
  createPostgresDocumentStore,
  openSqliteDocumentStore,
  openWriteProbe,
  WRITER_CHECKPOINT_PAGES,
  type DocumentStore,
} from '../storage/index.ts'
import {
  createPostgresTranslationMemoryStore,
  openSqliteTranslationMemoryStore,
  type TranslationMemoryStore,
} from '../tm/index.ts'
import {
  migratePostgres,
  migrateSqlite,
  postgresMigrationStatus,
  sqliteMigrationStatus,
  type MigrationResult,
  type MigrationStatus,
} from './migrate.ts'
import { startWalCheckpoints } from './walCheckpoints.ts'

/** Which database holds an installation: the embedded SQLite file or a PostgreSQL server. */
export type DatabaseLocation =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string }

/** Every store of one installation, over one database. */
export interface OpenDatabase {
  location: DatabaseLocation
  store: DocumentStore
  auth: AuthStore
  audit: AuditLog
  segmentation: SegmentationStore
  tm: TranslationMemoryStore
  glossaries: GlossaryStore
  knownDevices: KnownDevices
  /** Resolves when the database takes writes right now; rejects with the reason otherwise. */
  probeWritable(): Promise<void>
  migrationStatus(): Promise<MigrationStatus>
  /** Closes the stores and the connections. */
  close(): Promise<void>
}

export interface OpenOptions {
  log: Logger
  /** Apply missing migrations before opening the stores (the server's start, `db migrate`). */
  migrate: boolean
  /**
   * Drop the translation memory's units staged by imports a crash interrupted: the server's
   * start on SQLite (one server per file) passes it; a CLI import running beside it must not.
   * Several servers may share a PostgreSQL database, so there it changes nothing.
   */
  clearStagedImports?: boolean
}

/** A redacted form of the location, safe for logs and messages (no password). */
export function describeLocation(location: DatabaseLocation): string {
  if (location.engine === 'sqlite') return `sqlite:${location.file}`
  const url = new URL(location.url)
  if (url.password) url.password = '***'
  return url.toString()
}

/** How often the checkpoint thread folds the WAL back into the database file. */
const WAL_CHECKPOINT_INTERVAL_MS = 1000

function openSqlite(file: string, options: OpenOptions): OpenDatabase {
  mkdirSync(dirname(file), { recursive: true })
  // Accounts, the audit log and segmentation rules share the file through this handle; the
  // document store has its own (WAL lets both in).
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`)
  try {
    if (options.migrate) migrateSqlite(db)
  } catch (error) {
    db.close()
    throw error
  }
  // What the last run and the migrations left in the WAL, folded in now: the checkpoint
  // thread then starts only when someone writes. PASSIVE never waits for another process
  // (a CLI command beside a running server).
  db.pragma('wal_checkpoint(PASSIVE)')
  const store = openSqliteDocumentStore(file)
  const writeProbe = openWriteProbe(file)
  const checkpoints = startWalCheckpoints(file, {
    intervalMs: WAL_CHECKPOINT_INTERVAL_MS,
    log: options.log,
  })
  // On its own handle, so that an import's batches never interleave with another store's.
  const tm = openSqliteTranslationMemoryStore(file, {
    clearStagedImports: options.clearStagedImports ?? false,
  })
  return {
    location: { engine: 'sqlite', file },
    store,
    auth: createSqliteAuthStore(db),
    audit: createSqliteAuditLog(db),
    segmentation: createSqliteSegmentationStore(db),
    tm,
    glossaries: createSqliteGlossaryStore(db),
    knownDevices: createSqliteKnownDevices(db),
    probeWritable: () => writeProbe.probe(),
    migrationStatus: async () => sqliteMigrationStatus(db),
    async close() {
      checkpoints.close()
      await store.close()
      await tm.close()
      writeProbe.close()
      db.close()
    },
  }
}

async function probePostgres(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ writable: boolean }>(
    "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS writable",
  )
  if (!rows[0]?.writable) throw new Error('PostgreSQL is read-only (a standby, or read-only mode)')
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenDatabase> {
  const pool = openPostgresPool(url, (error) => {
    // The pool drops the broken connection and opens another on next use.
    options.log.error('database.connection_lost', { error })
  })
  try {
    if (options.migrate) await migratePostgres(pool)
  } catch (error) {
    await pool.end()
    throw error
  }
  return {
    location: { engine: 'postgres', url },
    store: createPostgresDocumentStore(pool),
    auth: createPostgresAuthStore(pool),
    audit: createPostgresAuditLog(pool),
    segmentation: createPostgresSegmentationStore(pool),
    tm: createPostgresTranslationMemoryStore(pool),
    glossaries: createPostgresGlossaryStore(pool),
    knownDevices: createPostgresKnownDevices(pool),
    probeWritable: () => probePostgres(pool),
    migrationStatus: () => postgresMigrationStatus(pool),
    close: () => pool.end(),
  }
}

/**
 * The translation memory alone at `location`, on connections of its own: for a worker thread
 * that reads units beside the server. Never migrates and never clears staged imports (the
 * server does both at its start); `onConnectionError` hears of a PostgreSQL connection lost.
 */
export function openTranslationMemory(
  location: DatabaseLocation,
  onConnectionError: (error: Error) => void,
): TranslationMemoryStore {
  if (location.engine === 'sqlite') return openSqliteTranslationMemoryStore(location.file)
  const pool = openPostgresPool(location.url, onConnectionError)
  const tm = createPostgresTranslationMemoryStore(pool)
  return {
    ...tm,
    async close() {
      await tm.close()
      await pool.end()
    },
  }
}

/** Opens every store of the installation at `location`, migrating first if asked. */
export function openDatabase(
  location: DatabaseLocation,
  options: OpenOptions,
): Promise<OpenDatabase> {
  return location.engine === 'sqlite'
    ? Promise.resolve(openSqlite(location.file, options))
    : openPostgres(location.url, options)
}

/** Brings the database at `location` to the latest schema; what was applied. */
export async function migrateDatabase(location: DatabaseLocation): Promise<MigrationResult> {
  if (location.engine === 'sqlite') {
    mkdirSync(dirname(location.file), { recursive: true })
    const db = new Database(location.file)
    try {
      db.pragma('journal_mode = WAL')
      return migrateSqlite(db)
    } finally {
      db.close()
    }
  }
  // The pool lives for the migration; a connection error reaches it as a rejection.
  const pool = openPostgresPool(location.url, () => undefined)
  try {
    return await migratePostgres(pool)
  } finally {
    await pool.end()
  }
}

/** Where the database at `location` stands, without changing it; 0 for an empty one. */
export async function readMigrationStatus(location: DatabaseLocation): Promise<MigrationStatus> {
  if (location.engine === 'sqlite') {
    if (!existsSync(location.file)) return sqliteMigrationStatus(null)
    const db = new Database(location.file, { readonly: true, fileMustExist: true })
    try {
      return sqliteMigrationStatus(db)
    } finally {
      db.close()
    }
  }
  // The pool lives for one query; a connection error reaches it as a rejection.
  const pool = openPostgresPool(location.url, () => undefined)
  try {
    return await postgresMigrationStatus(pool)
  } finally {
    await pool.end()
  }
}
