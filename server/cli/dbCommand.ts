import { parseArgs } from 'node:util'
import {
  CopyRefusedError,
  NewerSchemaError,
  copyDatabase,
  describeLocation,
  migrateDatabase,
  mismatchedTables,
  type DatabaseLocation,
  type TableDigest,
} from '../database/index.ts'
import { postgresUrl } from '../config.ts'
import { CliError } from './cliError.ts'
import { databaseLocationFrom } from './environment.ts'

/*
 * `db migrate`: brings the database the server uses (DATABASE_URL, else the SQLite file in
 * DATA_DIR) to this release's schema, as the server does when it starts.
 * `db copy --from A --to B [--overwrite]`: moves a whole installation between a SQLite file
 * and a PostgreSQL database (either way), then prints each table's row count and content
 * hash on both sides; any difference exits 2.
 */

const USAGE =
  'usage: db migrate | db copy --from <sqlite-file|postgres-url> --to <sqlite-file|postgres-url> [--overwrite]'

/** A `postgres://` URL names PostgreSQL; anything else is a SQLite file's path. */
export function parseLocation(value: string, option: string): DatabaseLocation {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const url = postgresUrl.safeParse(value)
    if (!url.success) throw new CliError(`${option}: expected a postgres:// URL or a file path`)
    return { engine: 'postgres', url: url.data }
  }
  if (value.trim() === '') throw new CliError(`${option}: empty path`)
  return { engine: 'sqlite', file: value }
}

/** Errors of reaching a database (refused connection, unknown host or database, bad login). */
function isConnectionError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code
  return (
    error instanceof Error &&
    typeof code === 'string' &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EACCES|ENOENT|SQLITE_CANTOPEN|28|3D)/.test(code)
  )
}

async function oneLineErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof CopyRefusedError || error instanceof NewerSchemaError) {
      throw new CliError(error.message)
    }
    if (isConnectionError(error)) throw new CliError(`cannot open the database: ${error.message}`)
    throw error
  }
}

function formatDigests(source: TableDigest[], destination: TableDigest[]): string {
  const width = Math.max(...source.map((digest) => digest.table.length))
  const lines = source.map((digest, i) => {
    const other = destination[i]
    const same = other?.rows === digest.rows && other.sha256 === digest.sha256
    return [
      digest.table.padEnd(width),
      String(digest.rows).padStart(8),
      digest.sha256.slice(0, 16),
      other ? `${String(other.rows).padStart(8)} ${other.sha256.slice(0, 16)}` : '(missing)',
      same ? 'same' : 'DIFFERENT',
    ].join('  ')
  })
  const header = ['table'.padEnd(width), '  source', 'sha256'.padEnd(16), 'destination'].join('  ')
  return [header, ...lines].join('\n') + '\n'
}

async function migrate(args: string[], write: (text: string) => void, env: NodeJS.ProcessEnv) {
  if (args.length > 0) throw new CliError(USAGE)
  const location = databaseLocationFrom(env)
  const result = await oneLineErrors(() => migrateDatabase(location))
  const where = describeLocation(location)
  write(
    result.applied.length === 0
      ? `${where} is current at schema ${result.current}\n`
      : `${where} migrated to schema ${result.current} (applied ${result.applied.join(', ')})\n`,
  )
}

async function copy(args: string[], write: (text: string) => void) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length > 0 || values.from === undefined || values.to === undefined) {
    throw new CliError(USAGE)
  }
  const from = parseLocation(values.from, '--from')
  const to = parseLocation(values.to, '--to')
  const report = await oneLineErrors(() => copyDatabase({ from, to, overwrite: values.overwrite }))
  write(`copied ${describeLocation(from)} to ${describeLocation(to)}\n`)
  write(formatDigests(report.source, report.destination))
  const mismatched = mismatchedTables(report)
  if (mismatched.length > 0) {
    throw new CliError(`the copy differs from the source in ${mismatched.join(', ')}`)
  }
  const rows = report.source.reduce((sum, digest) => sum + digest.rows, 0)
  write(`verified: ${report.source.length} tables, ${rows} rows, same counts and hashes\n`)
}

/** `db <migrate|copy>`. */
export async function dbCommand(
  args: string[],
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const [subcommand, ...rest] = args
  if (subcommand === 'migrate') return migrate(rest, write, env)
  if (subcommand === 'copy') return copy(rest, write)
  throw new CliError(USAGE)
}
