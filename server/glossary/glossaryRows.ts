import type { Term, TermStatus } from '@qalam/shared/glossary'
import type { Glossary, StoredEntry } from './GlossaryStore.ts'

/* The glossary tables' rows as both adapters read them (the columns match on both engines). */

export interface GlossaryRow {
  id: string
  name: string
  created_at: number
  entry_count: number
}

export interface EntryRow {
  id: string
  definition: string | null
  note: string | null
  source: string | null
  subject: string | null
  created_at: number
  created_by: string
}

export interface TermRow {
  entry_id: string
  lang: string
  text: string
  status: TermStatus
  part_of_speech: string | null
  note: string | null
}

export const toGlossary = (row: GlossaryRow): Glossary => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  entryCount: row.entry_count,
})

export function toTerm(row: TermRow): Term {
  const term: Term = { lang: row.lang, text: row.text, status: row.status }
  if (row.part_of_speech !== null) term.partOfSpeech = row.part_of_speech
  if (row.note !== null) term.note = row.note
  return term
}

export function toEntry(row: EntryRow, terms: Term[]): StoredEntry {
  const entry: StoredEntry = {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    terms,
  }
  if (row.definition !== null) entry.definition = row.definition
  if (row.note !== null) entry.note = row.note
  if (row.source !== null) entry.source = row.source
  if (row.subject !== null) entry.subject = row.subject
  return entry
}

export const GLOSSARY_COLUMNS = `g.id, g.name, g.created_at,
  (SELECT COUNT(*) FROM glossary_entries e WHERE e.glossary_id = g.id) AS entry_count`
