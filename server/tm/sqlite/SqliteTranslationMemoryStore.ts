import { randomUUID } from 'node:crypto'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
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
  VISIBLE_UNIT,
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
  if (options.clearStagedImports) {
    db.exec(`DELETE FROM tm_units WHERE import_id IN (SELECT id FROM tm_imports WHERE published = 0);
      DELETE FROM tm_imports WHERE published = 0;
      DELETE FROM tm_import_units;`)
  }

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
    `SELECT COUNT(*) AS n FROM tm_units WHERE memory_id = ? AND ${VISIBLE_UNIT}`,
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
  const selectUnitByKey = db.prepare<[string, Buffer], { id: number; import_id: string | null }>(
    'SELECT id, import_id FROM tm_units WHERE memory_id = ? AND unit_key = ?',
  )
  // An approval of a unit an unpublished import holds: the approval's must be visible now and
  // survive the import's failure, so the import's copy goes (the import then counts one less).
  const deletePendingByKey = db.prepare(
    `DELETE FROM tm_units WHERE memory_id = ? AND unit_key = ?
     AND import_id IN (SELECT id FROM tm_imports WHERE published = 0)`,
  )
  const bumpRevision = db.prepare<[string], { revision: number }>(
    'UPDATE tm_memories SET revision = revision + 1 WHERE id = ? RETURNING revision',
  )
  const insertImport = db.prepare('INSERT OR IGNORE INTO tm_imports (id, memory_id) VALUES (?, ?)')
  const insertPending = db.prepare(
    `INSERT INTO tm_units (memory_id, import_id, ${UNIT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${ON_SAME_UNIT}`,
  )
  const selectOpenImport = db.prepare<[string], { memory_id: string }>(
    'SELECT memory_id FROM tm_imports WHERE id = ? AND published = 0',
  )
  const countPending = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM tm_units WHERE import_id = ?',
  )
  const publishImport = db.prepare('UPDATE tm_imports SET published = 1, revision = ? WHERE id = ?')
  const deletePendingBatch = db.prepare(
    'DELETE FROM tm_units WHERE id IN (SELECT id FROM tm_units WHERE import_id = ? LIMIT 5000)',
  )
  const deleteImport = db.prepare('DELETE FROM tm_imports WHERE id = ? AND published = 0')
  const selectRevisions = db.prepare<[string], { id: string; revision: number }>(
    'SELECT id, revision FROM tm_memories WHERE id IN (SELECT value FROM json_each(?))',
  )
  const selectPublished = db.prepare<[string, number], { id: string }>(
    `SELECT id FROM tm_imports WHERE memory_id = ? AND published = 1 AND revision > ?
     ORDER BY revision`,
  )
  const selectImportUnits = db.prepare<[string, string, number, number, number], UnitRow>(
    `SELECT * FROM tm_units WHERE memory_id = ? AND import_id = ? AND id > ? AND id <= ?
     ORDER BY id LIMIT ?`,
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
  const commitStaged = db.prepare(
    `INSERT INTO tm_units (memory_id, ${UNIT_COLUMNS})
     SELECT memory_id, ${UNIT_COLUMNS} FROM tm_import_units WHERE import_id = ? ORDER BY seq
     ${ON_SAME_UNIT}`,
  )
  const deleteStaged = db.prepare('DELETE FROM tm_import_units WHERE import_id = ?')
  const selectUnits = db.prepare<[string, number, number], UnitRow>(
    `SELECT * FROM tm_units WHERE memory_id = ? AND id > ? AND ${VISIBLE_UNIT} ORDER BY id LIMIT ?`,
  )
  // `+memory_id` keeps SQLite from walking the memory's whole (memory_id, unit_key) index:
  // the few ids asked for are read by primary key, whatever the memory's size.
  const selectUnitsById = db.prepare<[string, string], UnitRow>(
    `SELECT * FROM tm_units WHERE +memory_id = ? AND id IN (SELECT value FROM json_each(?))
     AND ${VISIBLE_UNIT}`,
  )
  const selectPairs = db.prepare<
    [string],
    { source_lang: string; target_lang: string; units: number }
  >(
    `SELECT source_lang, target_lang, COUNT(*) AS units FROM tm_units
     WHERE memory_id = ? AND ${VISIBLE_UNIT} GROUP BY source_lang, target_lang ORDER BY units DESC, source_lang, target_lang`,
  )
  const selectOrigins = db.prepare<[string], { origin: UnitOrigin; units: number }>(
    `SELECT origin, COUNT(*) AS units FROM tm_units WHERE memory_id = ? AND ${VISIBLE_UNIT}
     GROUP BY origin`,
  )
  const selectLastChange = db.prepare<[string], { at: number | null }>(
    `SELECT MAX(changed_at) AS at FROM tm_units WHERE memory_id = ? AND ${VISIBLE_UNIT}`,
  )

  /** Next `seq` per import (its units so far), so that a commit keeps the file's order. */
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
      deletePendingByKey.run(memoryId, key)
      if (selectUnitByKey.get(memoryId, key)) updated++
      else added++
      insertUnit.run(memoryId, ...values)
      if (unit.documentId !== null && unit.segmentId !== null) {
        deleteOtherUnitsOfSegment.run(memoryId, unit.documentId, unit.segmentId, key)
      }
    }
    if (units.length > 0) bumpRevision.get(memoryId)
    return { added, updated }
  })

  // A new unit goes into tm_units at once, hidden under the import's id; one the import has
  // written already is updated there; one stored before (or by another import) is held in
  // tm_import_units and applied when the import is published, since changing it now would
  // show part of the import.
  const stage = db.transaction((importId: string, memoryId: string, units: readonly NewUnit[]) => {
    insertImport.run(importId, memoryId)
    let seq = stagedSeq.get(importId) ?? 0
    for (const unit of units) {
      const values = unitValues(unit)
      const owner = selectUnitByKey.get(memoryId, values[0] as Buffer)
      if (owner === undefined || owner.import_id === importId)
        insertPending.run(memoryId, importId, ...values)
      else stageUnit.run(importId, seq, memoryId, ...values)
      seq++
    }
    stagedSeq.set(importId, seq)
  })

  const commit = db.transaction((importId: string, total: number) => {
    const memoryId = selectOpenImport.get(importId)?.memory_id
    if (memoryId === undefined) return { added: 0, updated: 0 }
    commitStaged.run(importId)
    deleteStaged.run(importId)
    const added = countPending.get(importId)?.n ?? 0
    const revision = bumpRevision.get(memoryId)?.revision ?? 0
    publishImport.run(revision, importId)
    // A repeat (of a stored unit, or within the file) is an update: it adds no row.
    return { added, updated: total - added }
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
      const total = stagedSeq.get(importId) ?? 0
      stagedSeq.delete(importId)
      return commit(importId, total)
    },
    async discardImport(importId) {
      stagedSeq.delete(importId)
      // Short transactions, the event loop served between them: a failed import of a million
      // units must not hold the database for as long as it took to write them.
      while (deletePendingBatch.run(importId).changes > 0) await yieldToEventLoop()
      deleteStaged.run(importId)
      deleteImport.run(importId)
    },
    async revisions(memoryIds) {
      const rows = selectRevisions.all(JSON.stringify(memoryIds))
      return new Map(rows.map((row) => [row.id, row.revision]))
    },
    async publishedImports(memoryId, afterRevision) {
      return selectPublished.all(memoryId, afterRevision).map((row) => row.id)
    },
    async listImportUnits(memoryId, importId, { afterId, throughId, limit }) {
      return selectImportUnits.all(memoryId, importId, afterId, throughId, limit).map(toUnit)
    },
    async listUnits(memoryId, { afterId, limit }) {
      return selectUnits.all(memoryId, afterId, limit).map(toUnit)
    },
    async getUnits(memoryId, ids) {
      if (ids.length === 0) return []
      return selectUnitsById.all(memoryId, JSON.stringify(ids)).map(toUnit)
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
