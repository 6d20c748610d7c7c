import { randomUUID } from 'node:crypto'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
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
  VISIBLE_UNIT,
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

async function bumpRevision(client: pg.PoolClient, memoryId: string): Promise<number> {
  const { rows } = await client.query<{ revision: string }>(
    'UPDATE tm_memories SET revision = revision + 1 WHERE id = $1 RETURNING revision',
    [memoryId],
  )
  return Number(rows[0]?.revision ?? 0)
}

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
        `SELECT m.*, p.mode,
           (SELECT count(*) FROM tm_units u WHERE u.memory_id = m.id AND ${VISIBLE_UNIT}) AS units
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
          // An approval of a unit an unpublished import holds: see the SQLite adapter.
          await client.query(
            `DELETE FROM tm_units WHERE memory_id = $1 AND unit_key = $2
             AND import_id IN (SELECT id FROM tm_imports WHERE published = 0)`,
            [memoryId, values[0]],
          )
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
        if (units.length > 0) await bumpRevision(client, memoryId)
        return { added, updated }
      })
    },
    async stageUnits(importId, memoryId, units: readonly NewUnit[]) {
      let seq = stagedSeq.get(importId) ?? 0
      await inTransaction(pool, async (client) => {
        await client.query(
          'INSERT INTO tm_imports (id, memory_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
          [importId, memoryId],
        )
        const rows = units.map((unit) => ({ seq: seq++, values: unitValues(unit) }))
        const keys = rows.map((row) => row.values[0] as Buffer)
        const owners = new Map<string, string | null>()
        const existing = await client.query<{ unit_key: Buffer; import_id: string | null }>(
          'SELECT unit_key, import_id FROM tm_units WHERE memory_id = $1 AND unit_key = ANY($2)',
          [memoryId, keys],
        )
        for (const row of existing.rows) owners.set(row.unit_key.toString('hex'), row.import_id)
        // New units go in hidden under the import's id; a repeat of one this import wrote
        // updates it; one stored before (or by another import) waits in tm_import_units for
        // the publication, as in the SQLite adapter.
        const fresh: typeof rows = []
        const repeats: typeof rows = []
        const held: typeof rows = []
        for (const row of rows) {
          const key = (row.values[0] as Buffer).toString('hex')
          if (!owners.has(key)) {
            fresh.push(row)
            owners.set(key, importId)
          } else if (owners.get(key) === importId) repeats.push(row)
          else held.push(row)
        }
        for (let start = 0; start < fresh.length; start += STAGE_ROWS_PER_STATEMENT) {
          const batch = fresh.slice(start, start + STAGE_ROWS_PER_STATEMENT)
          await client.query(
            `INSERT INTO tm_units (memory_id, import_id, ${UNIT_COLUMNS})
             VALUES ${placeholders(batch.length, 2 + UNIT_COLUMN_NAMES.length)}
             ON CONFLICT (memory_id, unit_key) DO NOTHING`,
            batch.flatMap((row) => [memoryId, importId, ...row.values]),
          )
        }
        for (const row of repeats) {
          await client.query(
            `INSERT INTO tm_units (memory_id, import_id, ${UNIT_COLUMNS})
             VALUES ${placeholders(1, 2 + UNIT_COLUMN_NAMES.length)} ${ON_SAME_UNIT}`,
            [memoryId, importId, ...row.values],
          )
        }
        for (let start = 0; start < held.length; start += STAGE_ROWS_PER_STATEMENT) {
          const batch = held.slice(start, start + STAGE_ROWS_PER_STATEMENT)
          await client.query(
            `INSERT INTO tm_import_units (import_id, seq, memory_id, ${UNIT_COLUMNS})
             VALUES ${placeholders(batch.length, STAGE_COLUMNS)}`,
            batch.flatMap((row) => [importId, row.seq, memoryId, ...row.values]),
          )
        }
      })
      stagedSeq.set(importId, seq)
    },
    async commitImport(importId) {
      const total = stagedSeq.get(importId) ?? 0
      stagedSeq.delete(importId)
      return inTransaction(pool, async (client) => {
        const open = await client.query<{ memory_id: string }>(
          'SELECT memory_id FROM tm_imports WHERE id = $1 AND published = 0 FOR UPDATE',
          [importId],
        )
        const memoryId = open.rows[0]?.memory_id
        if (memoryId === undefined) return { added: 0, updated: 0 }
        await client.query(COMMIT_STAGED, [importId])
        await client.query('DELETE FROM tm_import_units WHERE import_id = $1', [importId])
        const pending = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM tm_units WHERE import_id = $1',
          [importId],
        )
        const added = Number(pending.rows[0]?.n ?? 0)
        const revision = await bumpRevision(client, memoryId)
        await client.query('UPDATE tm_imports SET published = 1, revision = $1 WHERE id = $2', [
          revision,
          importId,
        ])
        // A repeat (of a stored unit, or within the file) is an update: it adds no row.
        return { added, updated: total - added }
      })
    },
    async discardImport(importId) {
      stagedSeq.delete(importId)
      // Short transactions: a failed import must not hold its rows' locks in one long delete.
      for (;;) {
        const result = await pool.query(
          `DELETE FROM tm_units WHERE id IN
           (SELECT id FROM tm_units WHERE import_id = $1 LIMIT 5000)`,
          [importId],
        )
        if ((result.rowCount ?? 0) === 0) break
        await yieldToEventLoop()
      }
      await pool.query('DELETE FROM tm_import_units WHERE import_id = $1', [importId])
      await pool.query('DELETE FROM tm_imports WHERE id = $1 AND published = 0', [importId])
    },
    async revisions(memoryIds) {
      const { rows } = await pool.query<{ id: string; revision: string }>(
        'SELECT id, revision FROM tm_memories WHERE id = ANY($1::text[])',
        [memoryIds],
      )
      return new Map(rows.map((row) => [row.id, Number(row.revision)]))
    },
    async publishedImports(memoryId, afterRevision) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM tm_imports WHERE memory_id = $1 AND published = 1 AND revision > $2
         ORDER BY revision`,
        [memoryId, afterRevision],
      )
      return rows.map((row) => row.id)
    },
    async listImportUnits(memoryId, importId, { afterId, throughId, limit }) {
      const { rows } = await pool.query<UnitRow>(
        `SELECT * FROM tm_units WHERE memory_id = $1 AND import_id = $2 AND id > $3 AND id <= $4
         ORDER BY id LIMIT $5`,
        [memoryId, importId, afterId, throughId, limit],
      )
      return rows.map(toUnit)
    },
    async listUnits(memoryId, { afterId, limit }) {
      const { rows } = await pool.query<UnitRow>(
        `SELECT * FROM tm_units WHERE memory_id = $1 AND id > $2 AND ${VISIBLE_UNIT}
         ORDER BY id LIMIT $3`,
        [memoryId, afterId, limit],
      )
      return rows.map(toUnit)
    },
    async getUnits(memoryId, ids) {
      if (ids.length === 0) return []
      const { rows } = await pool.query<UnitRow>(
        `SELECT * FROM tm_units WHERE memory_id = $1 AND id = ANY($2::bigint[]) AND ${VISIBLE_UNIT}`,
        [memoryId, ids],
      )
      return rows.map(toUnit)
    },
    async stats(memoryId) {
      const byOrigin = Object.fromEntries(UNIT_ORIGINS.map((origin) => [origin, 0])) as Record<
        UnitOrigin,
        number
      >
      const origins = await pool.query<{ origin: UnitOrigin; units: number }>(
        `SELECT origin, count(*) AS units FROM tm_units WHERE memory_id = $1 AND ${VISIBLE_UNIT}
         GROUP BY origin`,
        [memoryId],
      )
      for (const row of origins.rows) byOrigin[row.origin] = row.units
      const pairs = await pool.query<{ source_lang: string; target_lang: string; units: number }>(
        `SELECT source_lang, target_lang, count(*) AS units FROM tm_units
         WHERE memory_id = $1 AND ${VISIBLE_UNIT} GROUP BY source_lang, target_lang
         ORDER BY units DESC, source_lang COLLATE "C", target_lang COLLATE "C"`,
        [memoryId],
      )
      const byLanguagePair = pairs.rows.map((row) => ({
        sourceLang: row.source_lang,
        targetLang: row.target_lang,
        units: row.units,
      }))
      const last = await pool.query<{ at: number | null }>(
        `SELECT max(changed_at) AS at FROM tm_units WHERE memory_id = $1 AND ${VISIBLE_UNIT}`,
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
