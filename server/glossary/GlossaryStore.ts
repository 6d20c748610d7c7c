import type { GlossaryEntry } from '@qalam/shared/glossary'

export interface Glossary {
  id: string
  name: string
  createdAt: number
  entryCount: number
}

/** An entry as stored: its id, when and by whom it was added, and what it says. */
export interface StoredEntry extends GlossaryEntry {
  id: string
  createdAt: number
  createdBy: string
}

/**
 * Where glossaries live. A glossary can serve several projects (a manager attaches it); the
 * store links and keeps, callers decide who may (members only, roles in `http/`).
 */
export interface GlossaryStore {
  /** Creates a glossary and attaches it to `projectId`. */
  create(projectId: string, name: string): Promise<Glossary>
  /** The glossaries attached to a project, oldest first. */
  listForProject(projectId: string): Promise<Glossary[]>
  /** The projects a glossary is attached to. */
  projectsOf(glossaryId: string): Promise<string[]>
  attach(projectId: string, glossaryId: string): Promise<void>
  /** False when it was not attached. A glossary attached nowhere is deleted with its entries. */
  detach(projectId: string, glossaryId: string): Promise<boolean>
  /** Adds all entries in one transaction: every one or, if any write fails, none. */
  addEntries(
    glossaryId: string,
    entries: readonly GlossaryEntry[],
    userId: string,
  ): Promise<StoredEntry[]>
  listEntries(glossaryId: string): Promise<StoredEntry[]>
  /**
   * Replaces an entry's fields and terms in one transaction, keeping its id, place and
   * creation; the entry before and after, or undefined when the glossary has no such entry.
   */
  updateEntry(
    glossaryId: string,
    entryId: string,
    entry: GlossaryEntry,
  ): Promise<{ before: StoredEntry; after: StoredEntry } | undefined>
  /** Removes an entry with its terms; the removed entry, or undefined when there was none. */
  deleteEntry(glossaryId: string, entryId: string): Promise<StoredEntry | undefined>
  /** Bumped by every change to the glossary's entries, so clients know to refetch. */
  revision(glossaryId: string): Promise<number>
}
