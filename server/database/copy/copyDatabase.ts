import {
  describeLocation,
  migrateDatabase,
  readMigrationStatus,
  type DatabaseLocation,
} from '../openDatabase.ts'
import { isCurrent } from '../migrate.ts'
import { BOOKKEEPING_TABLES, COPIED_TABLES, ENGINE_COLUMNS } from './copiedTables.ts'
import { eraseDatabase, openEndpoint, type CopyEndpoint } from './endpoints.ts'
import { digestTable, type TableDigest } from './tableDigest.ts'

/** Why a copy cannot start or did not verify; the CLI prints it as one line and exits 2. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError'
}

export interface CopyOptions {
  from: DatabaseLocation
  to: DatabaseLocation
  /** Replace a destination that already holds data (its tables are dropped first). */
  overwrite: boolean
}

export interface CopyReport {
  source: TableDigest[]
  destination: TableDigest[]
}

/** The columns a table has on both sides, engine-only ones left out; refuses a mismatch. */
async function sharedColumns(
  source: CopyEndpoint,
  destination: CopyEndpoint,
  table: string,
): Promise<string[]> {
  const from = (await source.columns(table)).filter((c) => !ENGINE_COLUMNS.has(c))
  const to = new Set(await destination.columns(table))
  const missing = from.filter((column) => !to.has(column))
  if (missing.length > 0) {
    throw new CopyRefusedError(`destination table ${table} lacks column(s) ${missing.join(', ')}`)
  }
  return from
}

async function digestAll(
  endpoint: CopyEndpoint,
  columnsOf: ReadonlyMap<string, string[]>,
): Promise<TableDigest[]> {
  await endpoint.beginRead()
  try {
    const digests: TableDigest[] = []
    for (const { name, key } of COPIED_TABLES) {
      const columns = columnsOf.get(name)!
      digests.push(await digestTable(name, columns, endpoint.read(name, columns, key)))
    }
    return digests
  } finally {
    await endpoint.endRead()
  }
}

/**
 * Moves a whole installation from one database to another, either engine to either: the
 * destination is migrated to this release's schema, every table is copied in one write
 * transaction (all or nothing) from one consistent read of the source, and then both sides
 * are read again and compared table by table, row count and content hash. Stop the server
 * first: a source that changes during the copy fails the comparison.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  if (describeLocation(options.from) === describeLocation(options.to)) {
    throw new CopyRefusedError('the source and the destination are the same database')
  }
  const status = await readMigrationStatus(options.from)
  if (status.current === 0) {
    throw new CopyRefusedError(`${describeLocation(options.from)} holds no Qalam installation`)
  }
  if (!isCurrent(status)) {
    throw new CopyRefusedError(
      `the source is at schema ${status.current}, this release at ${status.latest}: run db migrate on it first`,
    )
  }
  const source = openEndpoint(options.from)
  try {
    const unknown = (await source.tables()).filter(
      (table) => !BOOKKEEPING_TABLES.has(table) && !COPIED_TABLES.some((t) => t.name === table),
    )
    if (unknown.length > 0) {
      throw new CopyRefusedError(
        `the source has table(s) db copy does not know: ${unknown.join(', ')}`,
      )
    }

    if (options.overwrite) await eraseDatabase(options.to)
    await migrateDatabase(options.to)
    const destination = openEndpoint(options.to)
    try {
      const columnsOf = new Map<string, string[]>()
      const occupied: string[] = []
      for (const { name } of COPIED_TABLES) {
        columnsOf.set(name, await sharedColumns(source, destination, name))
        const rows = await destination.count(name)
        if (rows > 0) occupied.push(`${name} (${rows})`)
      }
      if (occupied.length > 0) {
        throw new CopyRefusedError(
          `the destination is not empty: ${occupied.join(', ')}; pass --overwrite to replace it`,
        )
      }

      await source.beginRead()
      await destination.beginWrite()
      try {
        for (const { name, key } of COPIED_TABLES) {
          const columns = columnsOf.get(name)!
          for await (const batch of source.read(name, columns, key)) {
            await destination.insert(name, columns, batch)
          }
        }
        await destination.commitWrite()
      } catch (error) {
        await destination.rollbackWrite()
        throw error
      } finally {
        await source.endRead()
      }

      const report = {
        source: await digestAll(source, columnsOf),
        destination: await digestAll(destination, columnsOf),
      }
      return report
    } finally {
      await destination.close()
    }
  } finally {
    await source.close()
  }
}

/** The tables whose count or hash differ between the two sides of a report. */
export function mismatchedTables(report: CopyReport): string[] {
  return report.source
    .filter((digest, i) => {
      const other = report.destination[i]
      return !other || other.rows !== digest.rows || other.sha256 !== digest.sha256
    })
    .map((digest) => digest.table)
}
