import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migratePostgres } from '../../server/database/index.ts'
import { openPostgresPool } from '../../server/postgres/index.ts'

/**
 * The PostgreSQL the tests use: this machine's and CI's service (trust auth, database `test`)
 * unless TEST_DATABASE_URL names another. Each test file works in a schema of its own, so
 * engineers and CI jobs running at once never see each other's tables.
 */
export const POSTGRES_BASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A connection URL whose sessions use `schema` (libpq's `options=-c search_path=…`). */
export function urlWithSchema(schema: string): string {
  const url = new URL(POSTGRES_BASE_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: POSTGRES_BASE_URL,
    connectionTimeoutMillis: 5000,
  })
  // An error event on a client that failed to connect would otherwise end the process.
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch (error) {
    process.stderr.write(
      `\n*** PostgreSQL is not reachable at ${POSTGRES_BASE_URL} (${String(error)}).\n` +
        '*** Its tests are SKIPPED. Start it (pg_ctlcluster <version> main start) or set\n' +
        '*** TEST_DATABASE_URL to run them.\n\n',
    )
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** False, after a loud message on stderr, when there is no PostgreSQL to test against. */
export const hasPostgres: boolean = await reachable()

export interface TestSchema {
  schema: string
  /** A URL whose connections work inside the schema. */
  url: string
  /** Drops the schema and everything in it. */
  drop(): Promise<void>
}

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_BASE_URL })
  // A lost connection also rejects the query below, which fails the test that asked.
  client.on('error', () => undefined)
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new empty schema named after `label` plus random letters. */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const schema = `t_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`
  await run(`CREATE SCHEMA ${schema}`)
  return { schema, url: urlWithSchema(schema), drop: () => run(`DROP SCHEMA ${schema} CASCADE`) }
}

/**
 * A pool on a fresh, migrated schema for a store suite's harness: `query` takes the suites'
 * `?` placeholders (SQLite's) and `dispose` ends the pool and drops the schema.
 */
export async function openTestPool(label: string): Promise<{
  pool: pg.Pool
  url: string
  query(sql: string, params?: unknown[]): Promise<unknown[]>
  dispose(): Promise<void>
}> {
  const schema = await createTestSchema(label)
  const pool = openPostgresPool(schema.url, (error) => {
    throw error
  })
  await migratePostgres(pool)
  return {
    pool,
    url: schema.url,
    async query(sql, params = []) {
      let n = 0
      const { rows } = await pool.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
      return rows
    },
    async dispose() {
      await pool.end()
      await schema.drop()
    },
  }
}
