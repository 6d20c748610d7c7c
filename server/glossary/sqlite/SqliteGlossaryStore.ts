import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { GlossaryEntry, Term } from '@qalam/shared/glossary'
import type { Glossary, GlossaryStore, StoredEntry } from '../GlossaryStore.ts'
import {
  GLOSSARY_COLUMNS,
  toEntry,
  toGlossary,
  toTerm,
  type EntryRow,
  type GlossaryRow,
  type TermRow,
} from '../glossaryRows.ts'
import { createSqliteGlossarySchema } from './schema.ts'

/** The GlossaryStore on the server's SQLite handle; creates its tables if missing. */
export function createSqliteGlossaryStore(db: Database.Database): GlossaryStore {
  db.pragma('foreign_keys = ON')
  createSqliteGlossarySchema(db)
  const insertGlossary = db.prepare(
    'INSERT INTO glossaries (id, name, created_at) VALUES (?, ?, ?)',
  )
  const insertLink = db.prepare(
    `INSERT INTO project_glossaries (project_id, glossary_id, attached_at) VALUES (?, ?, ?)
     ON CONFLICT (project_id, glossary_id) DO NOTHING`,
  )
  const deleteLink = db.prepare(
    'DELETE FROM project_glossaries WHERE project_id = ? AND glossary_id = ?',
  )
  const countLinks = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM project_glossaries WHERE glossary_id = ?',
  )
  const deleteGlossary = db.prepare('DELETE FROM glossaries WHERE id = ?')
  const selectForProject = db.prepare<[string], GlossaryRow>(
    `SELECT ${GLOSSARY_COLUMNS} FROM glossaries g
     JOIN project_glossaries p ON p.glossary_id = g.id
     WHERE p.project_id = ? ORDER BY p.attached_at, g.id`,
  )
  const selectProjects = db.prepare<[string], { project_id: string }>(
    'SELECT project_id FROM project_glossaries WHERE glossary_id = ? ORDER BY attached_at',
  )
  const selectLastPosition = db.prepare<[string], { n: number | null }>(
    'SELECT MAX(position) AS n FROM glossary_entries WHERE glossary_id = ?',
  )
  const insertEntry = db.prepare(
    `INSERT INTO glossary_entries
       (id, glossary_id, position, definition, note, source, subject, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertTerm = db.prepare(
    `INSERT INTO glossary_terms (entry_id, position, lang, text, status, part_of_speech, note)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const bumpRevision = db.prepare('UPDATE glossaries SET revision = revision + 1 WHERE id = ?')
  const selectRevision = db.prepare<[string], { revision: number }>(
    'SELECT revision FROM glossaries WHERE id = ?',
  )
  const selectEntries = db.prepare<[string], EntryRow>(
    'SELECT * FROM glossary_entries WHERE glossary_id = ? ORDER BY position',
  )
  const selectTerms = db.prepare<[string], TermRow>(
    `SELECT t.* FROM glossary_terms t JOIN glossary_entries e ON e.id = t.entry_id
     WHERE e.glossary_id = ? ORDER BY e.position, t.position`,
  )
  const selectEntry = db.prepare<[string, string], EntryRow>(
    'SELECT * FROM glossary_entries WHERE id = ? AND glossary_id = ?',
  )
  const selectEntryTerms = db.prepare<[string], TermRow>(
    'SELECT * FROM glossary_terms WHERE entry_id = ? ORDER BY position',
  )
  const updateEntryRow = db.prepare(
    `UPDATE glossary_entries SET definition = ?, note = ?, source = ?, subject = ?
     WHERE id = ? AND glossary_id = ?`,
  )
  const deleteEntryTerms = db.prepare('DELETE FROM glossary_terms WHERE entry_id = ?')
  const deleteEntryRow = db.prepare('DELETE FROM glossary_entries WHERE id = ? AND glossary_id = ?')

  const readEntry = (glossaryId: string, entryId: string): StoredEntry | undefined => {
    const row = selectEntry.get(entryId, glossaryId)
    return row && toEntry(row, selectEntryTerms.all(entryId).map(toTerm))
  }
  const insertTerms = (entryId: string, terms: readonly Term[]) => {
    terms.forEach((term, index) => {
      insertTerm.run(
        entryId,
        index,
        term.lang,
        term.text,
        term.status,
        term.partOfSpeech ?? null,
        term.note ?? null,
      )
    })
  }
  const updateEntry = db.transaction(
    (glossaryId: string, entryId: string, entry: GlossaryEntry) => {
      const before = readEntry(glossaryId, entryId)
      if (!before) return undefined
      updateEntryRow.run(
        entry.definition ?? null,
        entry.note ?? null,
        entry.source ?? null,
        entry.subject ?? null,
        entryId,
        glossaryId,
      )
      deleteEntryTerms.run(entryId)
      insertTerms(entryId, entry.terms)
      bumpRevision.run(glossaryId)
      return { before, after: readEntry(glossaryId, entryId)! }
    },
  )
  const deleteEntry = db.transaction((glossaryId: string, entryId: string) => {
    const before = readEntry(glossaryId, entryId)
    if (!before) return undefined
    deleteEntryTerms.run(entryId)
    deleteEntryRow.run(entryId, glossaryId)
    bumpRevision.run(glossaryId)
    return before
  })

  const create = db.transaction((projectId: string, name: string): Glossary => {
    const id = randomUUID()
    const now = Date.now()
    insertGlossary.run(id, name, now)
    insertLink.run(projectId, id, now)
    return { id, name, createdAt: now, entryCount: 0 }
  })
  const detach = db.transaction((projectId: string, glossaryId: string): boolean => {
    const removed = deleteLink.run(projectId, glossaryId).changes > 0
    if (removed && (countLinks.get(glossaryId)?.n ?? 0) === 0) deleteGlossary.run(glossaryId)
    return removed
  })
  const addEntries = db.transaction(
    (glossaryId: string, entries: readonly GlossaryEntry[], userId: string): StoredEntry[] => {
      let position = selectLastPosition.get(glossaryId)?.n ?? 0
      const now = Date.now()
      const stored = entries.map((entry) => {
        const id = randomUUID()
        insertEntry.run(
          id,
          glossaryId,
          ++position,
          entry.definition ?? null,
          entry.note ?? null,
          entry.source ?? null,
          entry.subject ?? null,
          now,
          userId,
        )
        insertTerms(id, entry.terms)
        return { ...entry, id, createdAt: now, createdBy: userId }
      })
      bumpRevision.run(glossaryId)
      return stored
    },
  )

  return {
    async create(projectId, name) {
      return create(projectId, name)
    },
    async listForProject(projectId) {
      return selectForProject.all(projectId).map(toGlossary)
    },
    async projectsOf(glossaryId) {
      return selectProjects.all(glossaryId).map((row) => row.project_id)
    },
    async attach(projectId, glossaryId) {
      insertLink.run(projectId, glossaryId, Date.now())
    },
    async detach(projectId, glossaryId) {
      return detach(projectId, glossaryId)
    },
    async addEntries(glossaryId, entries, userId) {
      return addEntries(glossaryId, entries, userId)
    },
    async listEntries(glossaryId) {
      const terms = new Map<string, Term[]>()
      for (const row of selectTerms.all(glossaryId)) {
        const list = terms.get(row.entry_id)
        if (list) list.push(toTerm(row))
        else terms.set(row.entry_id, [toTerm(row)])
      }
      return selectEntries.all(glossaryId).map((row) => toEntry(row, terms.get(row.id) ?? []))
    },
    async updateEntry(glossaryId, entryId, entry) {
      return updateEntry(glossaryId, entryId, entry)
    },
    async deleteEntry(glossaryId, entryId) {
      return deleteEntry(glossaryId, entryId)
    },
    async revision(glossaryId) {
      return selectRevision.get(glossaryId)?.revision ?? 0
    },
  }
}
