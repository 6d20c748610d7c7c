/*
 * Every table `db copy` moves, parents before children (foreign keys hold at each insert),
 * each with the key that orders its rows when nothing else does. A table a migration adds
 * must be listed here too: the copy refuses a source holding a table it does not know, and
 * a test checks that every migrated table is listed, so none can be left behind unnoticed.
 */
export interface CopiedTable {
  name: string
  key: readonly string[]
}

export const COPIED_TABLES: readonly CopiedTable[] = [
  { name: 'users', key: ['id'] },
  { name: 'sessions', key: ['token_hash'] },
  { name: 'known_devices', key: ['token_hash'] },
  { name: 'projects', key: ['id'] },
  { name: 'project_members', key: ['project_id', 'user_id'] },
  { name: 'documents', key: ['id'] },
  { name: 'snapshots', key: ['document_id'] },
  { name: 'updates', key: ['seq'] },
  { name: 'original_files', key: ['document_id'] },
  { name: 'export_views', key: ['document_id'] },
  { name: 'project_documents', key: ['document_id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'project_srx', key: ['project_id'] },
  { name: 'segmentation_exceptions', key: ['id'] },
  { name: 'tm_memories', key: ['id'] },
  { name: 'tm_project_memories', key: ['project_id', 'memory_id'] },
  { name: 'tm_imports', key: ['id'] },
  { name: 'tm_units', key: ['id'] },
  // An import's units staged before its commit: present only while one runs (or after a crash).
  { name: 'tm_import_units', key: ['import_id', 'seq'] },
  { name: 'glossaries', key: ['id'] },
  { name: 'project_glossaries', key: ['project_id', 'glossary_id'] },
  { name: 'glossary_entries', key: ['id'] },
  { name: 'glossary_terms', key: ['entry_id', 'position'] },
]

/**
 * Tables that describe the database rather than hold the installation: each engine keeps its
 * own (the migration record is written by migrating the destination, not copied).
 */
export const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set([
  'schema_migrations',
  // SQLite: the document tables' version before schema_migrations, its AUTOINCREMENT
  // counters and the readiness probe's scratch row.
  'schema_version',
  'sqlite_sequence',
  'readiness_probe',
])

/**
 * Columns one engine has for itself: `row_order` stands in for SQLite's rowid (insertion
 * order) in PostgreSQL. It is not copied; inserting rows in source order recreates it.
 */
export const ENGINE_COLUMNS: ReadonlySet<string> = new Set(['row_order'])
