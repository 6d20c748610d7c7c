import { createHash } from 'node:crypto'
import type { Row } from './endpoints.ts'

/** A table's row count and a hash of its content, comparable across engines. */
export interface TableDigest {
  table: string
  rows: number
  sha256: string
}

/** One value in a form both engines produce alike: bytes as base64, numbers and text as is. */
function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') }
  if (typeof value === 'bigint') return Number(value)
  return value ?? null
}

/**
 * Hashes the rows of one table over `columns`, independently of the order the engine returns
 * them in (its collation, its physical layout): each row is hashed, the row hashes are sorted,
 * and the sorted list is hashed.
 */
export async function digestTable(
  table: string,
  columns: readonly string[],
  batches: AsyncIterable<Row[]>,
): Promise<TableDigest> {
  const sorted = [...columns].sort()
  const rowHashes: string[] = []
  for await (const batch of batches) {
    for (const row of batch) {
      const values = sorted.map((column) => canonical(row[column]))
      rowHashes.push(createHash('sha256').update(JSON.stringify(values)).digest('hex'))
    }
  }
  rowHashes.sort()
  const hash = createHash('sha256')
  for (const rowHash of rowHashes) hash.update(rowHash)
  return { table, rows: rowHashes.length, sha256: hash.digest('hex') }
}
