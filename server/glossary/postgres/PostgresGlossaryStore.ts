import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { Term } from '@qalam/shared/glossary'
import { inTransaction } from '../../postgres/index.ts'
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

/** The GlossaryStore on PostgreSQL; the caller owns the pool. */
export function createPostgresGlossaryStore(pool: pg.Pool): GlossaryStore {
  const link = (db: pg.Pool | pg.PoolClient, projectId: string, glossaryId: string, now: number) =>
    db.query(
      `INSERT INTO project_glossaries (project_id, glossary_id, attached_at) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, glossary_id) DO NOTHING`,
      [projectId, glossaryId, now],
    )

  const readEntry = async (
    db: pg.PoolClient,
    glossaryId: string,
    entryId: string,
  ): Promise<StoredEntry | undefined> => {
    const entry = await db.query<EntryRow>(
      'SELECT * FROM glossary_entries WHERE id = $1 AND glossary_id = $2 FOR UPDATE',
      [entryId, glossaryId],
    )
    const row = entry.rows[0]
    if (!row) return undefined
    const terms = await db.query<TermRow>(
      'SELECT * FROM glossary_terms WHERE entry_id = $1 ORDER BY position',
      [entryId],
    )
    return toEntry(row, terms.rows.map(toTerm))
  }
  const insertTerms = async (db: pg.PoolClient, entryId: string, terms: readonly Term[]) => {
    for (const [index, term] of terms.entries()) {
      await db.query(
        `INSERT INTO glossary_terms (entry_id, position, lang, text, status, part_of_speech, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          entryId,
          index,
          term.lang,
          term.text,
          term.status,
          term.partOfSpeech ?? null,
          term.note ?? null,
        ],
      )
    }
  }
  const bumpRevision = (db: pg.PoolClient, glossaryId: string) =>
    db.query('UPDATE glossaries SET revision = revision + 1 WHERE id = $1', [glossaryId])

  return {
    async updateEntry(glossaryId, entryId, entry) {
      return inTransaction(pool, async (client) => {
        const before = await readEntry(client, glossaryId, entryId)
        if (!before) return undefined
        await client.query(
          `UPDATE glossary_entries SET definition = $1, note = $2, source = $3, subject = $4
           WHERE id = $5 AND glossary_id = $6`,
          [
            entry.definition ?? null,
            entry.note ?? null,
            entry.source ?? null,
            entry.subject ?? null,
            entryId,
            glossaryId,
          ],
        )
        await client.query('DELETE FROM glossary_terms WHERE entry_id = $1', [entryId])
        await insertTerms(client, entryId, entry.terms)
        await bumpRevision(client, glossaryId)
        return { before, after: (await readEntry(client, glossaryId, entryId))! }
      })
    },
    async deleteEntry(glossaryId, entryId) {
      return inTransaction(pool, async (client) => {
        const before = await readEntry(client, glossaryId, entryId)
        if (!before) return undefined
        await client.query('DELETE FROM glossary_terms WHERE entry_id = $1', [entryId])
        await client.query('DELETE FROM glossary_entries WHERE id = $1 AND glossary_id = $2', [
          entryId,
          glossaryId,
        ])
        await bumpRevision(client, glossaryId)
        return before
      })
    },
    async create(projectId, name) {
      return inTransaction(pool, async (client): Promise<Glossary> => {
        const id = randomUUID()
        const now = Date.now()
        await client.query('INSERT INTO glossaries (id, name, created_at) VALUES ($1, $2, $3)', [
          id,
          name,
          now,
        ])
        await link(client, projectId, id, now)
        return { id, name, createdAt: now, entryCount: 0 }
      })
    },
    async listForProject(projectId) {
      const { rows } = await pool.query<GlossaryRow>(
        `SELECT ${GLOSSARY_COLUMNS} FROM glossaries g
         JOIN project_glossaries p ON p.glossary_id = g.id
         WHERE p.project_id = $1 ORDER BY p.attached_at, g.id COLLATE "C"`,
        [projectId],
      )
      return rows.map(toGlossary)
    },
    async projectsOf(glossaryId) {
      const { rows } = await pool.query<{ project_id: string }>(
        'SELECT project_id FROM project_glossaries WHERE glossary_id = $1 ORDER BY attached_at',
        [glossaryId],
      )
      return rows.map((row) => row.project_id)
    },
    async attach(projectId, glossaryId) {
      await link(pool, projectId, glossaryId, Date.now())
    },
    async detach(projectId, glossaryId) {
      return inTransaction(pool, async (client) => {
        const removed = await client.query(
          'DELETE FROM project_glossaries WHERE project_id = $1 AND glossary_id = $2',
          [projectId, glossaryId],
        )
        if ((removed.rowCount ?? 0) === 0) return false
        // The last project to let go of a glossary takes it with it.
        await client.query(
          `DELETE FROM glossaries WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM project_glossaries WHERE glossary_id = $1)`,
          [glossaryId],
        )
        return true
      })
    },
    async addEntries(glossaryId, entries, userId) {
      return inTransaction(pool, async (client) => {
        // The glossary's row lock orders concurrent additions: positions never collide.
        await client.query('UPDATE glossaries SET revision = revision + 1 WHERE id = $1', [
          glossaryId,
        ])
        const last = await client.query<{ n: number | null }>(
          'SELECT max(position) AS n FROM glossary_entries WHERE glossary_id = $1',
          [glossaryId],
        )
        let position = last.rows[0]?.n ?? 0
        const now = Date.now()
        const stored: StoredEntry[] = []
        for (const entry of entries) {
          const id = randomUUID()
          await client.query(
            `INSERT INTO glossary_entries
               (id, glossary_id, position, definition, note, source, subject, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              id,
              glossaryId,
              ++position,
              entry.definition ?? null,
              entry.note ?? null,
              entry.source ?? null,
              entry.subject ?? null,
              now,
              userId,
            ],
          )
          for (const [index, term] of entry.terms.entries()) {
            await client.query(
              `INSERT INTO glossary_terms
                 (entry_id, position, lang, text, status, part_of_speech, note)
               VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [
                id,
                index,
                term.lang,
                term.text,
                term.status,
                term.partOfSpeech ?? null,
                term.note ?? null,
              ],
            )
          }
          stored.push({ ...entry, id, createdAt: now, createdBy: userId })
        }
        return stored
      })
    },
    async listEntries(glossaryId) {
      const termRows = await pool.query<TermRow>(
        `SELECT t.* FROM glossary_terms t JOIN glossary_entries e ON e.id = t.entry_id
         WHERE e.glossary_id = $1 ORDER BY e.position, t.position`,
        [glossaryId],
      )
      const terms = new Map<string, Term[]>()
      for (const row of termRows.rows) {
        const list = terms.get(row.entry_id)
        if (list) list.push(toTerm(row))
        else terms.set(row.entry_id, [toTerm(row)])
      }
      const entryRows = await pool.query<EntryRow>(
        'SELECT * FROM glossary_entries WHERE glossary_id = $1 ORDER BY position',
        [glossaryId],
      )
      return entryRows.rows.map((row) => toEntry(row, terms.get(row.id) ?? []))
    },
    async revision(glossaryId) {
      const { rows } = await pool.query<{ revision: number }>(
        'SELECT revision FROM glossaries WHERE id = $1',
        [glossaryId],
      )
      return rows[0]?.revision ?? 0
    },
  }
}
