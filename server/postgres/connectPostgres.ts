import { createRequire } from 'node:module'
import type pg from 'pg'

// pg loads on the first pool, not with the server: on SQLite it would only hold memory (its
// modules, ~5 MB of an idle process). It is CommonJS, so a synchronous require keeps
// `openPostgresPool` synchronous.
const require = createRequire(import.meta.url)
const loadPg = (): typeof pg => require('pg') as typeof pg

/** How many connections one server process keeps to PostgreSQL at most. */
const POOL_SIZE = 10
/** A query waiting longer than this for a connection fails (and `/readyz` says so). */
const CONNECT_TIMEOUT_MS = 10_000

// BIGINT columns hold milliseconds and sequence numbers, all far below 2^53: read them as
// numbers, the way better-sqlite3 returns INTEGER, instead of pg's default strings.
const INT8_OID = 20
function typesOf(driver: typeof pg) {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID
        ? (value: string) => Number(value)
        : driver.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
  }
}

/**
 * A connection pool for `url` (`postgres://user@host:port/db`, with `?options=-c
 * search_path=SCHEMA` to use a schema other than `public`). Connections are opened lazily.
 * An idle connection that the server drops emits an error on the pool; `onError` is told
 * and the pool replaces the connection on next use, rather than the process dying.
 */
export function openPostgresPool(url: string, onError: (error: Error) => void): pg.Pool {
  const driver = loadPg()
  const pool = new driver.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: typesOf(driver),
  })
  pool.on('error', onError)
  return pool
}

/** One connection to `url`, not yet connected (a copy reads or writes through one). */
export function openPostgresClient(url: string): pg.Client {
  return new (loadPg().Client)({ connectionString: url })
}

/** Runs `work` in one transaction on one connection: committed if it resolves, else rolled back. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    // The rollback's own failure (a dropped connection) must not hide the error that caused it.
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** PostgreSQL's SQLSTATE for a unique or primary-key violation. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === '23505'
}
