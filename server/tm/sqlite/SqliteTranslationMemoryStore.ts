import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
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
import { createSqliteTranslationMemorySchema } from './schema.ts'

export interface SqliteTranslationMemoryOptions {
  /**
   * Drop units staged by imports that never finished (the process died mid-import). Only the
   * server passes it, on start: a CLI import running beside it must keep its own.
   */
  clearStagedImports?: boolean
}

/**
 * The translation memory on its own handle to the server's SQLite file (WAL lets it write
 * beside the document store), so that an import's batches never interleave with another
 * store's statements.
 */
export function openSqliteTranslationMemoryStore(
  file: string,
  options: SqliteTranslationMemoryOptions = {},
): TranslationMemoryStore {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  createSqliteTranslationMemorySchema(db)
  if (options.clearStagedImports) db.exec('DELETE FROM tm_import_units')

  const insertMemory = db.prepare(
    'INSERT INTO tm_memories (id, project_id, name, created_at) VALUES (?, ?, ?, ?)',
  )
  const selectMemory = db.prepare<[string], MemoryRow>('SELECT * FROM tm_memories WHERE id = ?')
  const selectWriteMemory = db.prepare<[string], MemoryRow>(
    `SELECT m.* FROM tm_memories m JOIN tm_project_memories p ON p.memory_id = m.id
     WHERE p.project_id = ? AND p.mode = 'write'`,
  )
  const selectProjectMemories = db.prepare<[string], MemoryRow & { mode: MemoryMode }>(
    `SELECT m.*, p.mode FROM tm_memories m JOIN tm_project_memories p ON p.memory_id = m.id
     WHERE p.project_id = ? ORDER BY p.mode = 'write' DESC, m.name, m.created_at`,
  )
  const countUnits = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM tm_units WHERE memory_id = ?',
  )
  const selectOwned = db.prepare<[string], MemoryRow>(
    `SELECT * FROM tm_memories WHERE project_id IN (SELECT value FROM json_each(?))
     ORDER BY name, created_at`,
  )
  const selectMode = db.prepare<[string, string], { mode: MemoryMode }>(
    'SELECT mode FROM tm_project_memories WHERE project_id = ? AND memory_id = ?',
  )
  const demoteWriteMemory = db.prepare(
    "UPDATE tm_project_memories SET mode = 'read' WHERE project_id = ? AND mode = 'write'",
  )
  const upsertAttachment = db.prepare(
    `INSERT INTO tm_project_memories (project_id, memory_id, mode) VALUES (?, ?, ?)
     ON CONFLICT (project_id, memory_id) DO UPDATE SET mode = excluded.mode`,
  )
  const deleteAttachment = db.prepare(
    'DELETE FROM tm_project_memories WHERE project_id = ? AND memory_id = ?',
  )
  const deleteProjectAttachments = db.prepare(
    'DELETE FROM tm_project_memories WHERE project_id IN (SELECT value FROM json_each(?))',
  )
  // Units and other projects' attachments go with the memory (ON DELETE CASCADE).
  const deleteOwnedMemories = db.prepare(
    'DELETE FROM tm_memories WHERE project_id IN (SELECT value FROM json_each(?))',
  )
  const insertUnit = db.prepare(
    `INSERT INTO tm_units (memory_id, ${UNIT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${ON_SAME_UNIT}`,
  )
  const selectUnitByKey = db.prepare<[string, Buffer], { id: number }>(
    'SELECT id FROM tm_units WHERE memory_id = ? AND unit_key = ?',
  )
  // A segment approved again with another translation: the new unit replaces the old one.
  const deleteOtherUnitsOfSegment = db.prepare(
    `DELETE FROM tm_units WHERE memory_id = ? AND document_id = ? AND segment_id = ?
     AND unit_key <> ?`,
  )
  const stageUnit = db.prepare(
    `INSERT INTO tm_import_units (import_id, seq, memory_id, ${UNIT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectStagedMemory = db.prepare<[string], { memory_id: string }>(
    'SELECT memory_id FROM tm_import_units WHERE import_id = ? LIMIT 1',
  )
  const commitStaged = db.prepare(
    `INSERT INTO tm_units (memory_id, ${UNIT_COLUMNS})
     SELECT memory_id, ${UNIT_COLUMNS} FROM tm_import_units WHERE import_id = ? ORDER BY seq
     ${ON_SAME_UNIT}`,
  )
  const deleteStaged = db.prepare('DELETE FROM tm_import_units WHERE import_id = ?')
  const selectUnits = db.prepare<[string, number, number], UnitRow>(
    'SELECT * FROM tm_units WHERE memory_id = ? AND id > ? ORDER BY id LIMIT ?',
  )
  const selectPairs = db.prepare<
    [string],
    { source_lang: string; target_lang: string; units: number }
  >(
    `SELECT source_lang, target_lang, COUNT(*) AS units FROM tm_units WHERE memory_id = ?
     GROUP BY source_lang, target_lang ORDER BY units DESC, source_lang, target_lang`,
  )
  const selectOrigins = db.prepare<[string], { origin: UnitOrigin; units: number }>(
    'SELECT origin, COUNT(*) AS units FROM tm_units WHERE memory_id = ? GROUP BY origin',
  )
  const selectLastChange = db.prepare<[string], { at: number | null }>(
    'SELECT MAX(changed_at) AS at FROM tm_units WHERE memory_id = ?',
  )

  /** Next `seq` per import, so that a commit keeps the file's order. */
  const stagedSeq = new Map<string, number>()

  const create = db.transaction((projectId: string, name: string, now: number): Memory => {
    const memory: Memory = { id: randomUUID(), name, projectId, createdAt: now }
    insertMemory.run(memory.id, projectId, name, now)
    const mode: MemoryMode = selectWriteMemory.get(projectId) ? 'read' : 'write'
    upsertAttachment.run(projectId, memory.id, mode)
    return memory
  })

  const ensureWrite = db.transaction((projectId: string, name: string, now: number): Memory => {
    const row = selectWriteMemory.get(projectId)
    return row ? toMemory(row) : create(projectId, name, now)
  })

  const attach = db.transaction((projectId: string, memoryId: string, mode: MemoryMode) => {
    if (mode === 'write') demoteWriteMemory.run(projectId)
    upsertAttachment.run(projectId, memoryId, mode)
  })

  const removeOwned = db.transaction((projectIds: readonly string[]) => {
    const ids = JSON.stringify(projectIds)
    deleteOwnedMemories.run(ids)
    deleteProjectAttachments.run(ids)
  })

  const add = db.transaction((memoryId: string, units: readonly NewUnit[]) => {
    let added = 0
    let updated = 0
    for (const unit of units) {
      const values = unitValues(unit)
      const key = values[0] as Buffer
      if (selectUnitByKey.get(memoryId, key)) updated++
      else added++
      insertUnit.run(memoryId, ...values)
      if (unit.documentId !== null && unit.segmentId !== null) {
        deleteOtherUnitsOfSegment.run(memoryId, unit.documentId, unit.segmentId, key)
      }
    }
    return { added, updated }
  })

  const stage = db.transaction((importId: string, memoryId: string, units: readonly NewUnit[]) => {
    let seq = stagedSeq.get(importId) ?? 0
    for (const unit of units) stageUnit.run(importId, seq++, memoryId, ...unitValues(unit))
    stagedSeq.set(importId, seq)
  })

  const commit = db.transaction((importId: string) => {
    const memoryId = selectStagedMemory.get(importId)?.memory_id
    if (memoryId === undefined) return { added: 0, updated: 0 }
    const before = countUnits.get(memoryId)?.n ?? 0
    // A repeat (of a stored unit, or within the file) is an update: it adds no row.
    const staged = commitStaged.run(importId).changes
    deleteStaged.run(importId)
    const added = (countUnits.get(memoryId)?.n ?? 0) - before
    return { added, updated: staged - added }
  })

  return {
    async createMemory(projectId, name, now = Date.now()) {
      return create(projectId, name, now)
    },
    async getMemory(memoryId) {
      const row = selectMemory.get(memoryId)
      return row ? toMemory(row) : undefined
    },
    async ensureWriteMemory(projectId, name, now = Date.now()) {
      return ensureWrite(projectId, name, now)
    },
    async listProjectMemories(projectId) {
      return selectProjectMemories.all(projectId).map((row): ProjectMemory => ({
        ...toMemory(row),
        mode: row.mode,
        units: countUnits.get(row.id)?.n ?? 0,
      }))
    },
    async listOwnedMemories(projectIds) {
      return selectOwned.all(JSON.stringify(projectIds)).map(toMemory)
    },
    async modeOf(projectId, memoryId) {
      return selectMode.get(projectId, memoryId)?.mode
    },
    async attachMemory(projectId, memoryId, mode) {
      attach(projectId, memoryId, mode)
    },
    async detachMemory(projectId, memoryId) {
      return deleteAttachment.run(projectId, memoryId).changes > 0
    },
    async removeProjectMemories(projectIds) {
      removeOwned(projectIds)
    },
    async addUnits(memoryId, units) {
      return add(memoryId, units)
    },
    async stageUnits(importId, memoryId, units) {
      stage(importId, memoryId, units)
    },
    async commitImport(importId) {
      stagedSeq.delete(importId)
      return commit(importId)
    },
    async discardImport(importId) {
      stagedSeq.delete(importId)
      deleteStaged.run(importId)
    },
    async listUnits(memoryId, { afterId, limit }) {
      return selectUnits.all(memoryId, afterId, limit).map(toUnit)
    },
    async stats(memoryId) {
      const byOrigin = Object.fromEntries(UNIT_ORIGINS.map((origin) => [origin, 0])) as Record<
        UnitOrigin,
        number
      >
      for (const row of selectOrigins.all(memoryId)) byOrigin[row.origin] = row.units
      const byLanguagePair = selectPairs.all(memoryId).map((row) => ({
        sourceLang: row.source_lang,
        targetLang: row.target_lang,
        units: row.units,
      }))
      return {
        units: byLanguagePair.reduce((sum, pair) => sum + pair.units, 0),
        byLanguagePair,
        byOrigin,
        lastChangedAt: selectLastChange.get(memoryId)?.at ?? null,
      } satisfies MemoryStats
    },
    async close() {
      db.close()
    },
  }
}
