/** Bump when the statements below change; `openSchema` refuses a database from a newer version. */
export const SCHEMA_VERSION = 1

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  source_lang TEXT NOT NULL,
  target_lang TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  progress    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_created ON documents (created_at DESC, id);
CREATE TABLE IF NOT EXISTS snapshots (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  data        BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  data        BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_document ON updates (document_id, seq);
`
