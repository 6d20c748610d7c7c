import type Database from 'better-sqlite3'

/*
 * Translation memory tables, in the server's one SQLite file beside the projects they belong to.
 * Every statement is idempotent: a file from an earlier release gains them on the first start.
 * Portable SQL on purpose (PostgreSQL comes with the scale-out issue): no SQLite-only types, a
 * partial unique index for "one write memory per project", and JSON kept as TEXT.
 *
 * A unit's `unit_key` is a digest of its languages, source, target (with inline codes) and
 * neighbouring sources: writing the same unit again updates it instead of adding a copy.
 * Inline codes are stored as JSON arrays `[{"at":8,"xml":"<bpt i=\"1\">{\\b}</bpt>"}]`, or NULL
 * when a side has none.
 */
export const CREATE_TM_SCHEMA = `
CREATE TABLE IF NOT EXISTS tm_memories (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tm_memories_by_project ON tm_memories (project_id);
CREATE TABLE IF NOT EXISTS tm_project_memories (
  project_id TEXT NOT NULL,
  memory_id  TEXT NOT NULL REFERENCES tm_memories (id) ON DELETE CASCADE,
  mode       TEXT NOT NULL CHECK (mode IN ('write', 'read')),
  PRIMARY KEY (project_id, memory_id)
);
CREATE INDEX IF NOT EXISTS tm_project_memories_by_memory ON tm_project_memories (memory_id);
CREATE UNIQUE INDEX IF NOT EXISTS tm_one_write_memory
  ON tm_project_memories (project_id) WHERE mode = 'write';
CREATE TABLE IF NOT EXISTS tm_units (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  memory_id     TEXT NOT NULL REFERENCES tm_memories (id) ON DELETE CASCADE,
  unit_key      BLOB NOT NULL,
  source_lang   TEXT NOT NULL,
  target_lang   TEXT NOT NULL,
  source        TEXT NOT NULL,
  target        TEXT NOT NULL,
  source_tags   TEXT,
  target_tags   TEXT,
  prev_source   TEXT,
  next_source   TEXT,
  origin        TEXT NOT NULL CHECK (origin IN ('segment', 'tmx', 'alignment')),
  document_id   TEXT,
  segment_id    TEXT,
  created_by    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  changed_by    TEXT NOT NULL,
  changed_at    INTEGER NOT NULL,
  UNIQUE (memory_id, unit_key)
);
-- Only units from approved segments have a segment: imported ones cost this index nothing.
CREATE INDEX IF NOT EXISTS tm_units_by_segment ON tm_units (memory_id, document_id, segment_id)
  WHERE segment_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS tm_import_units (
  import_id     TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  memory_id     TEXT NOT NULL,
  unit_key      BLOB NOT NULL,
  source_lang   TEXT NOT NULL,
  target_lang   TEXT NOT NULL,
  source        TEXT NOT NULL,
  target        TEXT NOT NULL,
  source_tags   TEXT,
  target_tags   TEXT,
  prev_source   TEXT,
  next_source   TEXT,
  origin        TEXT NOT NULL,
  document_id   TEXT,
  segment_id    TEXT,
  created_by    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  changed_by    TEXT NOT NULL,
  changed_at    INTEGER NOT NULL,
  PRIMARY KEY (import_id, seq)
);
CREATE TABLE IF NOT EXISTS tm_imports (
  id         TEXT PRIMARY KEY,
  memory_id  TEXT NOT NULL REFERENCES tm_memories (id) ON DELETE CASCADE,
  published  INTEGER NOT NULL DEFAULT 0,
  revision   INTEGER
);
`

/*
 * An import writes its new units into tm_units as it reads them, in batches each committed on
 * its own, marked with its import id; they stay invisible (VISIBLE_UNIT) until the import is
 * published, which is one small transaction, and a failed import deletes them. A memory's
 * `revision` moves with every write, in the write's transaction, so that another process (a
 * server beside a CLI import) sees that it has something to read.
 */
const ADDED_TM_COLUMNS = [
  { table: 'tm_units', column: 'import_id', definition: 'TEXT' },
  { table: 'tm_memories', column: 'revision', definition: 'INTEGER NOT NULL DEFAULT 0' },
] as const

/** Creates the translation memory tables (the SQLite migration's step, and a store's own file). */
export function createSqliteTranslationMemorySchema(db: Database.Database): void {
  db.exec(CREATE_TM_SCHEMA)
  for (const { table, column, definition } of ADDED_TM_COLUMNS) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all()
    if (!columns.some((existing) => existing.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
  }
  db.exec(
    'CREATE INDEX IF NOT EXISTS tm_units_by_import ON tm_units (import_id) WHERE import_id IS NOT NULL',
  )
  // A memory's units in id order, a page at a time, while its lookup index is built: without
  // it each page sorted every unit of the memory, a build quadratic in the memory's size.
  db.exec('CREATE INDEX IF NOT EXISTS tm_units_by_memory ON tm_units (memory_id, id)')
}
