import type { InlineTag } from '@qalam/shared/formats'
import type { Memory, NewUnit, StoredUnit, UnitOrigin } from './TranslationMemoryStore.ts'
import { unitKey } from './unitKey.ts'

/*
 * The tables' rows as both adapters read and write them: the columns are the same on SQLite
 * and PostgreSQL (server/database/*Migrations.ts), and so is the SQL of a repeated unit.
 */

export interface MemoryRow {
  id: string
  project_id: string
  name: string
  created_at: number
}

export interface UnitRow {
  id: number
  memory_id: string
  source_lang: string
  target_lang: string
  source: string
  target: string
  source_tags: string | null
  target_tags: string | null
  prev_source: string | null
  next_source: string | null
  origin: UnitOrigin
  document_id: string | null
  segment_id: string | null
  created_by: string
  created_at: number
  changed_by: string
  changed_at: number
}

export const UNIT_COLUMNS = `unit_key, source_lang, target_lang, source, target, source_tags, target_tags,
  prev_source, next_source, origin, document_id, segment_id, created_by, created_at, changed_by,
  changed_at`

/** What a repeated unit changes: who touched it last and when, and where it was seen last. */
export const ON_SAME_UNIT = `ON CONFLICT (memory_id, unit_key) DO UPDATE SET
  changed_by = excluded.changed_by, changed_at = excluded.changed_at,
  document_id = COALESCE(excluded.document_id, tm_units.document_id),
  segment_id = COALESCE(excluded.segment_id, tm_units.segment_id)`

/** A unit anyone may see: stored directly, or by an import that has been published. */
export const VISIBLE_UNIT = `(import_id IS NULL OR import_id IN
  (SELECT id FROM tm_imports WHERE published = 1))`

export const toMemory = (row: MemoryRow): Memory => ({
  id: row.id,
  name: row.name,
  projectId: row.project_id,
  createdAt: row.created_at,
})

const tagsJson = (tags: readonly InlineTag[]) => (tags.length === 0 ? null : JSON.stringify(tags))
const readTags = (json: string | null): InlineTag[] =>
  json === null ? [] : (JSON.parse(json) as InlineTag[])

export function toUnit(row: UnitRow): StoredUnit {
  return {
    id: row.id,
    memoryId: row.memory_id,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    source: { text: row.source, tags: readTags(row.source_tags) },
    target: { text: row.target, tags: readTags(row.target_tags) },
    previousSource: row.prev_source,
    nextSource: row.next_source,
    origin: row.origin,
    documentId: row.document_id,
    segmentId: row.segment_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  }
}

export function unitValues(unit: NewUnit): unknown[] {
  return [
    unitKey(unit),
    unit.sourceLang,
    unit.targetLang,
    unit.source.text,
    unit.target.text,
    tagsJson(unit.source.tags),
    tagsJson(unit.target.tags),
    unit.previousSource,
    unit.nextSource,
    unit.origin,
    unit.documentId,
    unit.segmentId,
    unit.createdBy,
    unit.createdAt,
    unit.changedBy,
    unit.changedAt,
  ]
}
