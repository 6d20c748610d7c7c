import type Database from 'better-sqlite3'

/*
 * Glossaries live in the server's one SQLite file beside the projects they serve. Portable
 * SQL (TEXT ids, no AUTOINCREMENT, no JSON columns) so the PostgreSQL store can run the same
 * statements; every statement is idempotent.
 */
export const CREATE_GLOSSARY_SCHEMA = `
CREATE TABLE IF NOT EXISTS glossaries (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS project_glossaries (
  project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  glossary_id TEXT NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
  attached_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, glossary_id)
);
CREATE INDEX IF NOT EXISTS project_glossaries_by_glossary ON project_glossaries (glossary_id);
CREATE TABLE IF NOT EXISTS glossary_entries (
  id          TEXT PRIMARY KEY,
  glossary_id TEXT NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  definition  TEXT,
  note        TEXT,
  source      TEXT,
  subject     TEXT,
  created_at  INTEGER NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS glossary_entries_by_glossary ON glossary_entries (glossary_id, position);
CREATE TABLE IF NOT EXISTS glossary_terms (
  entry_id       TEXT NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  lang           TEXT NOT NULL,
  text           TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('preferred', 'admitted', 'forbidden')),
  part_of_speech TEXT,
  note           TEXT,
  PRIMARY KEY (entry_id, position)
);
`

/** Creates the glossary tables (the SQLite migration's step 3; idempotent). */
export function createSqliteGlossarySchema(db: Database.Database): void {
  db.exec(CREATE_GLOSSARY_SCHEMA)
}
