import type { TaggedText } from '@qalam/shared/formats'

/** Where a unit came from: an approved segment, a TMX file, or a confirmed alignment. */
export const UNIT_ORIGINS = ['segment', 'tmx', 'alignment'] as const
export type UnitOrigin = (typeof UNIT_ORIGINS)[number]

/** How a project uses a memory: it writes approved segments into one, and reads from all. */
export type MemoryMode = 'write' | 'read'

/**
 * One translation unit. `source` and `target` are plain text with their inline codes beside it
 * (`TaggedText`: TMX 1.4b markup with the offset where each code stands), so matching reads
 * text and an export writes the codes back where they were. `previousSource` and `nextSource`
 * are the neighbouring source sentences, for in-context (101 %) matches.
 */
export interface NewUnit {
  sourceLang: string
  targetLang: string
  source: TaggedText
  target: TaggedText
  previousSource: string | null
  nextSource: string | null
  origin: UnitOrigin
  documentId: string | null
  /** The segment an approval came from; a later approval of it replaces this unit. */
  segmentId: string | null
  /** User names (TMX `creationid` / `changeid`). */
  createdBy: string
  createdAt: number
  changedBy: string
  changedAt: number
}

export interface StoredUnit extends NewUnit {
  id: number
  memoryId: string
}

export interface Memory {
  id: string
  name: string
  /** The project that created the memory; it owns it, others may only attach it. */
  projectId: string
  createdAt: number
}

/** A memory as one project uses it. */
export interface ProjectMemory extends Memory {
  mode: MemoryMode
  units: number
}

export interface MemoryStats {
  units: number
  byLanguagePair: Array<{ sourceLang: string; targetLang: string; units: number }>
  byOrigin: Record<UnitOrigin, number>
  /** When the newest unit was last changed; null for an empty memory. */
  lastChangedAt: number | null
}

export interface UnitsWritten {
  added: number
  /** Units that had the same source, target and context: changed in place, not added. */
  updated: number
}

/**
 * Memories, which projects use them, and their units. A unit is identified by its languages,
 * source, target and context (neighbouring sources): writing one that exists updates it.
 * Imports write their units in batches, each committed as it goes so that other writes are
 * never held up for long, but invisible until `commitImport` publishes them all at once; a
 * file refused halfway leaves nothing behind (`discardImport`). Methods return promises so that an adapter talking to
 * a database server keeps the same interface as SQLite.
 */
export interface TranslationMemoryStore {
  /** A new memory owned by `projectId` and attached to it: as its write memory if it has none. */
  createMemory(projectId: string, name: string, now?: number): Promise<Memory>
  getMemory(memoryId: string): Promise<Memory | undefined>
  /** The project's write memory, created (named `name`) when it has none yet. */
  ensureWriteMemory(projectId: string, name: string, now?: number): Promise<Memory>
  /** Memories the project uses, its write memory first, then by name. */
  listProjectMemories(projectId: string): Promise<ProjectMemory[]>
  /** Memories owned by any of `projectIds`, by name. */
  listOwnedMemories(projectIds: readonly string[]): Promise<Memory[]>
  /** The project's mode for the memory, or undefined when it does not use it. */
  modeOf(projectId: string, memoryId: string): Promise<MemoryMode | undefined>
  /** Attaches the memory or changes its mode; a new write memory turns the old one to read. */
  attachMemory(projectId: string, memoryId: string, mode: MemoryMode): Promise<void>
  /** False when the project did not use the memory. */
  detachMemory(projectId: string, memoryId: string): Promise<boolean>
  /** Removes the memories owned by these projects (being purged) and their attachments. */
  removeProjectMemories(projectIds: readonly string[]): Promise<void>

  /** Writes units into a memory in one transaction. */
  addUnits(memoryId: string, units: readonly NewUnit[]): Promise<UnitsWritten>
  /**
   * Writes a batch of an import's units, in order, in one short transaction: invisible to
   * every reader until the import is committed, deleted if it is discarded.
   */
  stageUnits(importId: string, memoryId: string, units: readonly NewUnit[]): Promise<void>
  /**
   * Publishes an import's units in one short transaction (and applies its repeats of units
   * stored before); a unit already stored, or repeated within the import, counts as updated.
   */
  commitImport(importId: string): Promise<UnitsWritten>
  /** Deletes an import's unpublished units, in short batches. */
  discardImport(importId: string): Promise<void>
  /** Units in the order they were first stored, after `afterId`; for paging an export. */
  listUnits(memoryId: string, page: { afterId: number; limit: number }): Promise<StoredUnit[]>
  /** Each memory's revision, which moves with every write into it (from any process). */
  revisions(memoryIds: readonly string[]): Promise<Map<string, number>>
  /** Imports into the memory published at a revision above `afterRevision`, oldest first. */
  publishedImports(memoryId: string, afterRevision: number): Promise<string[]>
  /** A published import's units with ids in (afterId, throughId], by id. */
  listImportUnits(
    memoryId: string,
    importId: string,
    page: { afterId: number; throughId: number; limit: number },
  ): Promise<StoredUnit[]>
  /** The units of the memory with these ids that still exist, in any order. */
  getUnits(memoryId: string, ids: readonly number[]): Promise<StoredUnit[]>
  stats(memoryId: string): Promise<MemoryStats>
  close(): Promise<void>
}
