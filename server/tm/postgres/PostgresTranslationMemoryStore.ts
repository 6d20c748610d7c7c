import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { inTransaction } from '../../postgres/index.ts'
import {
  UNIT_ORIGINS,
  type Memory,
  type MemoryMode,
  type MemoryStats,
  type NewUnit,
  type ProjectMemory,
  type TranslationMemoryStore,
  type UnitOrigin,
} from '../TranslationMemoryStore.ts'
import {
  ON_SAME_UNIT,
  UNIT_COLUMNS,
  toMemory,
  toUnit,
  unitValues,
  type MemoryRow,
  type UnitRow,
} from '../unitRows.ts'

type Queryable = pg.Pool | pg.PoolClient

const UNIT_COLUMN_NAMES = UNIT_COLUMNS.split(',').map((column) => column.trim())
/** A staged row: import id, seq and memory id, then the unit's columns. */
const STAGE_COLUMNS = 3 + UNIT_COLUMN_NAMES.length
/** Rows per staging INSERT: their parameters stay far below PostgreSQL's 65,535. */
const STAGE_ROWS_PER_STATEMENT = 500
/** Per unit key of an import, the value the SQLite adapter's row-by-row upserts end with. */
const LAST_OF = new Set(['changed_by', 'changed_at'])
const LAST_NON_NULL_OF = new Set(['document_id', 'segment_id'])

function aggregated(column: string): string {
  if (LAST_OF.has(column)) return `(array_agg(${column} ORDER BY seq DESC))[1]`
  if (LAST_NON_NULL_OF.has(column)) {
    return `(array_agg(${column} ORDER BY seq DESC) FILTER (WHERE ${column} IS NOT NULL))[1]`
  }
  return `(array_agg(${column} ORDER BY seq))[1]`
}

/*
 * An import's units move in one statement. PostgreSQL refuses an INSERT … ON CONFLICT DO UPDATE
 * that touches one row twice, so a unit repeated within the file is folded first, per key, into
 * what SQLite's one-by-one upserts leave: the first occurrence, with the last one's change and
 * the last document and segment named. Rows go in file order, so ids keep it.
 */
const COMMIT_STAGED = `
WITH written AS (
  INSERT INTO tm_units (memory_id, ${UNIT_COLUMNS})
  SELECT memory_id, ${UNIT_COLUMN_NAMES.map((column) => (column === 'unit_key' ? column : aggregated(column))).join(', ')}
  FROM tm_import_units WHERE import_id = $1
  GROUP BY memory_id, unit_key ORDER BY min(seq)
  ${ON_SAME_UNIT}
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS added FROM written`

/** Serialises the changes of one project's attachments (one write memory at most). */
async function lockProject(client: pg.PoolClient, projectId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('qalam.tm:' || $1))", [projectId])
}

async function writeMemoryOf(db: Queryable, projectId: string): Promise<MemoryRow | undefined> {
  const { rows } = await db.query<MemoryRow>(
    `SELECT m.* FROM tm_memories m JOIN tm_project_memories p ON p.memory_id = m.id
     WHERE p.project_id = $1 AND p.mode = 'write'`,
    [projectId],
  )
  return rows[0]
}

async function insertMemory(
  client: pg.PoolClient,
  projectId: string,
  name: string,
  now: number,
): Promise<Memory> {
  const memory: Memory = { id: randomUUID(), name, projectId, createdAt: now }
  await client.query(
    'INSERT INTO tm_memories (id, project_id, name, created_at) VALUES ($1, $2, $3, $4)',
    [memory.id, projectId, name, now],
  )
  const mode: MemoryMode = (await writeMemoryOf(client, projectId)) ? 'read' : 'write'
  await client.query(
    'INSERT INTO tm_project_memories (project_id, memory_id, mode) VALUES ($1, $2, $3)',
    [projectId, memory.id, mode],
  )
  return memory
}

const placeholders = (rows: number, columns: number, from = 1) =>
  Array.from(
    { length: rows },
    (_, row) =>
      `(${Array.from({ length: columns }, (_, column) => `$${from + row * columns + column}`).join(', ')})`,
  ).join(', ')

/**
 * The TranslationMemoryStore on PostgreSQL; the caller owns the pool (closing the store leaves
 * it open). Staged imports are not cleared when a server starts, as several servers may share
 * the database: an import a crash interrupted leaves its staged rows until `discardImport`.
 */
export function createPostgresTranslationMemoryStore(pool: pg.Pool): TranslationMemoryStore {
  /** Next `seq` per import, so that a commit keeps the file's order. */
  const stagedSeq = new Map<string, number>()

  return {
    async createMemory(projectId, name, now = Date.now()) {
      return inTransaction(pool, async (client) => {
        await lockProject(client, projectId)
        return insertMemory(client, projectId, name, now)
      })
    },
    async getMemory(memoryId) {
      const { rows } = await pool.query<MemoryRow>('SELECT * FROM tm_memories WHERE id = $1', [
        memoryId,
      ])
      return rows[0] ? toMemory(rows[0]) : undefined
    },
    async ensureWriteMemory(projectId, name, now = Date.now()) {
      const existing = await writeMemoryOf(pool, projectId)
      if (existing) return toMemory(existing)
      return inTransaction(pool, async (client) => {
        await lockProject(client, projectId)
        const row = await writeMemoryOf(client, projectId)
        return row ? toMemory(row) : insertMemory(client, projectId, name, now)
      })
    },
    async listProjectMemories(projectId) {
      const { rows } = await pool.query<MemoryRow & { mode: MemoryMode; units: number }>(
        `SELECT m.*, p.mode, (SELECT count(*) FROM tm_units u WHERE u.memory_id = m.id) AS units
         FROM tm_memories m JOIN tm_project_memories p ON p.memory_id = m.id
         WHERE p.project_id = $1
         ORDER BY p.mode = 'write' DESC, m.name COLLATE "C", m.created_at`,
        [projectId],
      )
      return rows.map((row): ProjectMemory => ({
        ...toMemory(row),
        mode: row.mode,
        units: row.units,
      }))
    },
    async listOwnedMemories(projectIds) {
      const { rows } = await pool.query<MemoryRow>(
        `SELECT * FROM tm_memories WHERE project_id = ANY($1::text[])
         ORDER BY name COLLATE "C", created_at`,
        [projectIds],
      )
      return rows.map(toMemory)
    },
    async modeOf(projectId, memoryId) {
      const { rows } = await pool.query<{ mode: MemoryMode }>(
        'SELECT mode FROM tm_project_memories WHERE project_id = $1 AND memory_id = $2',
        [projectId, memoryId],
      )
      return rows[0]?.mode
    },
    async attachMemory(projectId, memoryId, mode) {
      await inTransaction(pool, async (client) => {
        await lockProject(client, projectId)
        if (mode === 'write') {
          await client.query(
            "UPDATE tm_project_memories SET mode = 'read' WHERE project_id = $1 AND mode = 'write'",
            [projectId],
          )
        }
        await client.query(
          `INSERT INTO tm_project_memories (project_id, memory_id, mode) VALUES ($1, $2, $3)
           ON CONFLICT (project_id, memory_id) DO UPDATE SET mode = excluded.mode`,
          [projectId, memoryId, mode],
        )
      })
    },
    async detachMemory(projectId, memoryId) {
      const result = await pool.query(
        'DELETE FROM tm_project_memories WHERE project_id = $1 AND memory_id = $2',
        [projectId, memoryId],
      )
      return (result.rowCount ?? 0) > 0
    },
    async removeProjectMemories(projectIds) {
      await inTransaction(pool, async (client) => {
        // Units and other projects' attachments go with the memory (ON DELETE CASCADE).
        await client.query('DELETE FROM tm_memories WHERE project_id = ANY($1::text[])', [
          projectIds,
        ])
        await client.query('DELETE FROM tm_project_memories WHERE project_id = ANY($1::text[])', [
          projectIds,
        ])
      })
    },
    async addUnits(memoryId, units) {
      return inTransaction(pool, async (client) => {
        let added = 0
        let updated = 0
        for (const unit of units) {
          const values = unitValues(unit)
          const { rows } = await client.query<{ inserted: boolean }>(
            `INSERT INTO tm_units (memory_id, ${UNIT_COLUMNS})
             VALUES ${placeholders(1, 1 + UNIT_COLUMN_NAMES.length)} ${ON_SAME_UNIT}
             RETURNING (xmax = 0) AS inserted`,
            [memoryId, ...values],
          )
          if (rows[0]?.inserted) added++
          else updated++
          if (unit.documentId !== null && unit.segmentId !== null) {
            // A segment approved again with another translation: the new unit replaces the old.
            await client.query(
              `DELETE FROM tm_units WHERE memory_id = $1 AND document_id = $2 AND segment_id = $3
               AND unit_key <> $4`,
              [memoryId, unit.documentId, unit.segmentId, values[0]],
            )
          }
        }
        return { added, updated }
      })
    },
    async stageUnits(importId, memoryId, units: readonly NewUnit[]) {
      let seq = stagedSeq.get(importId) ?? 0
      await inTransaction(pool, async (client) => {
        for (let start = 0; start < units.length; start += STAGE_ROWS_PER_STATEMENT) {
          const batch = units.slice(start, start + STAGE_ROWS_PER_STATEMENT)
          const params = batch.flatMap((unit) => [importId, seq++, memoryId, ...unitValues(unit)])
          await client.query(
            `INSERT INTO tm_import_units (import_id, seq, memory_id, ${UNIT_COLUMNS})
             VALUES ${placeholders(batch.length, STAGE_COLUMNS)}`,
            params,
          )
        }
      })
      stagedSeq.set(importId, seq)
    },
    async commitImport(importId) {
      stagedSeq.delete(importId)
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ added: number }>(COMMIT_STAGED, [importId])
        const staged = await client.query('DELETE FROM tm_import_units WHERE import_id = $1', [
          importId,
        ])
        const added = rows[0]?.added ?? 0
        // A repeat (of a stored unit, or within the file) is an update: it adds no row.
        return { added, updated: (staged.rowCount ?? 0) - added }
      })
    },
    async discardImport(importId) {
      stagedSeq.delete(importId)
      await pool.query('DELETE FROM tm_import_units WHERE import_id = $1', [importId])
    },
    async listUnits(memoryId, { afterId, limit }) {
      const { rows } = await pool.query<UnitRow>(
        'SELECT * FROM tm_units WHERE memory_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [memoryId, afterId, limit],
      )
      return rows.map(toUnit)
    },
    async stats(memoryId) {
      const byOrigin = Object.fromEntries(UNIT_ORIGINS.map((origin) => [origin, 0])) as Record<
        UnitOrigin,
        number
      >
      const origins = await pool.query<{ origin: UnitOrigin; units: number }>(
        'SELECT origin, count(*) AS units FROM tm_units WHERE memory_id = $1 GROUP BY origin',
        [memoryId],
      )
      for (const row of origins.rows) byOrigin[row.origin] = row.units
      const pairs = await pool.query<{ source_lang: string; target_lang: string; units: number }>(
        `SELECT source_lang, target_lang, count(*) AS units FROM tm_units WHERE memory_id = $1
         GROUP BY source_lang, target_lang
         ORDER BY units DESC, source_lang COLLATE "C", target_lang COLLATE "C"`,
        [memoryId],
      )
      const byLanguagePair = pairs.rows.map((row) => ({
        sourceLang: row.source_lang,
        targetLang: row.target_lang,
        units: row.units,
      }))
      const last = await pool.query<{ at: number | null }>(
        'SELECT max(changed_at) AS at FROM tm_units WHERE memory_id = $1',
        [memoryId],
      )
      return {
        units: byLanguagePair.reduce((sum, pair) => sum + pair.units, 0),
        byLanguagePair,
        byOrigin,
        lastChangedAt: last.rows[0]?.at ?? null,
      } satisfies MemoryStats
    },
    async close() {
      // The pool belongs to the database that opened this store; it closes it.
    },
  }
}
