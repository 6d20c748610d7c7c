/*
 * CREATE_SCHEMA is version 1, as the first release wrote it; MIGRATIONS[n] takes a database
 * from version n - 1 to n. A new file is created at 1 and migrated like an old one, so an
 * installation from any earlier release and a fresh one end with the same tables.
 */
export const MIGRATIONS: Readonly<Record<number, string>> = {
  // Soft delete: a deleted document keeps its rows until it is purged 30 days later.
  2: `ALTER TABLE documents ADD COLUMN deleted_at INTEGER;
      CREATE INDEX IF NOT EXISTS documents_by_deleted ON documents (deleted_at);`,
  // The file a document was imported from (XLIFF…), kept so that export rebuilds from it.
  3: `CREATE TABLE IF NOT EXISTS original_files (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        format      TEXT NOT NULL,
        encoding    TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        name        TEXT NOT NULL,
        data        BLOB NOT NULL
      );`,
  // A document's export view as of a sequence number, written when its room unloads.
  4: `CREATE TABLE IF NOT EXISTS export_views (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        data        BLOB NOT NULL
      );`,
}

/** The version this server writes; `openSchema` refuses a database from a newer version. */
export const SCHEMA_VERSION = 4

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
