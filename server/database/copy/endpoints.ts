import { existsSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type pg from 'pg'
import { inTransaction, openPostgresClient, openPostgresPool } from '../../postgres/index.ts'
import type { DatabaseLocation } from '../openDatabase.ts'
import { COPIED_TABLES } from './copiedTables.ts'

export type Row = Record<string, unknown>

/** One side of a copy: what a copy needs to read, write and inspect, on either engine. */
export interface CopyEndpoint {
  tables(): Promise<string[]>
  columns(table: string): Promise<string[]>
  count(table: string): Promise<number>
  /**
   * The rows in insertion order (rowid, row_order) or by `key`, in batches, as of one moment:
   * reads between `beginRead` and `endRead` see one snapshot of the whole database.
   */
  read(table: string, columns: readonly string[], key: readonly string[]): AsyncIterable<Row[]>
  beginRead(): Promise<void>
  endRead(): Promise<void>
  /** Writes between `beginWrite` and `commitWrite` land together or not at all. */
  beginWrite(): Promise<void>
  insert(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void>
  commitWrite(): Promise<void>
  rollbackWrite(): Promise<void>
  close(): Promise<void>
}

const BATCH_ROWS = 200
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

export function openSqliteEndpoint(file: string): CopyEndpoint {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  return {
    async tables() {
      const rows = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as Array<{ name: string }>
      return rows.map((row) => row.name)
    },
    async columns(table) {
      return (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).map(
        (c) => c.name,
      )
    },
    async count(table) {
      return (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n
    },
    async *read(table, columns) {
      const statement = db.prepare(
        `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY rowid`,
      )
      let batch: Row[] = []
      for (const row of statement.iterate() as Iterable<Row>) {
        batch.push(row)
        if (batch.length === BATCH_ROWS) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
    },
    async beginRead() {
      db.exec('BEGIN')
    },
    async endRead() {
      db.exec('COMMIT')
    },
    async beginWrite() {
      db.exec('BEGIN IMMEDIATE')
    },
    async insert(table, columns, rows) {
      const statement = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})
         VALUES (${columns.map(() => '?').join(', ')})`,
      )
      for (const row of rows) statement.run(...columns.map((column) => row[column]))
    },
    async commitWrite() {
      db.exec('COMMIT')
    },
    async rollbackWrite() {
      if (db.inTransaction) db.exec('ROLLBACK')
    },
    async close() {
      db.close()
    },
  }
}

export function openPostgresEndpoint(url: string): CopyEndpoint {
  // One connection: a copy is one reader or one writer, in one transaction.
  const client = openPostgresClient(url)
  // A connection lost while idle is reported here; the next query then rejects with it, and
  // that rejection ends the copy (rolled back) with its message.
  let lost: Error | null = null
  client.on('error', (error) => (lost = error))
  let connected: Promise<unknown> | null = null
  const ready = () => (connected ??= client.connect())
  const query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    if (lost) throw lost
    await ready()
    return client.query<R>(sql, values)
  }
  // The same BIGINT-as-number reading as the server's pool.
  client.setTypeParser(20, (value: string) => Number(value))
  return {
    async tables() {
      const { rows } = await query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      )
      return rows.map((row) => row.table_name)
    },
    async columns(table) {
      const { rows } = await query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
      return rows.map((row) => row.column_name)
    },
    async count(table) {
      const { rows } = await query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`)
      return rows[0]?.n ?? 0
    },
    async *read(table, columns, key) {
      const hasRowOrder = (await this.columns(table)).includes('row_order')
      const order = (hasRowOrder ? ['row_order'] : key).map(quote).join(', ')
      // A cursor streams the table in batches inside the read transaction's snapshot.
      await query(
        `DECLARE copy_rows NO SCROLL CURSOR FOR
         SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${order}`,
      )
      try {
        for (;;) {
          const { rows } = await query<Row>(`FETCH ${BATCH_ROWS} FROM copy_rows`)
          if (rows.length === 0) break
          yield rows
        }
      } finally {
        await query('CLOSE copy_rows')
      }
    },
    async beginRead() {
      await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    },
    async endRead() {
      await query('COMMIT')
    },
    async beginWrite() {
      await query('BEGIN')
    },
    async insert(table, columns, rows) {
      if (rows.length === 0) return
      const values: unknown[] = []
      const tuples = rows.map((row) => {
        const placeholders = columns.map((column) => {
          values.push(row[column])
          return `$${values.length}`
        })
        return `(${placeholders.join(', ')})`
      })
      await query(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
        values,
      )
    },
    async commitWrite() {
      // Identity columns were given explicit values (sequence numbers, audit ids): move each
      // identity's counter past them, or the next append would draw a number already used.
      const { rows } = await query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES' AND column_name <> 'row_order'`,
      )
      for (const { table_name: table, column_name: column } of rows) {
        await query(
          `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), 1))`,
          [quote(table), column],
        )
      }
      await query('COMMIT')
    },
    async rollbackWrite() {
      await query('ROLLBACK')
    },
    async close() {
      await client.end()
    },
  }
}

export function openEndpoint(location: DatabaseLocation): CopyEndpoint {
  return location.engine === 'sqlite'
    ? openSqliteEndpoint(location.file)
    : openPostgresEndpoint(location.url)
}

/** Drops the installation's tables at a destination so that it is created afresh (`--overwrite`). */
export async function eraseDatabase(location: DatabaseLocation): Promise<void> {
  if (location.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(location.file + suffix)) rmSync(location.file + suffix)
    }
    return
  }
  // Only our tables: the schema may hold someone else's too. The pool lives for these few
  // statements; a connection error reaches them as a rejection.
  const pool = openPostgresPool(location.url, () => undefined)
  try {
    await inTransaction(pool, async (client) => {
      for (const table of [...COPIED_TABLES.map((t) => t.name), 'schema_migrations']) {
        await client.query(`DROP TABLE IF EXISTS ${quote(table)} CASCADE`)
      }
      await client.query('DROP FUNCTION IF EXISTS audit_log_refuse_change() CASCADE')
    })
  } finally {
    await pool.end()
  }
}
