/*
 * The auth tables live in the server's one SQLite file beside the document store's tables;
 * every statement is idempotent, so both stores may open the file in any order. Documents
 * are linked to projects by id only: the documents table belongs to storage/.
 */
export const CREATE_AUTH_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  is_admin      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS projects (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS project_members (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('manager', 'translator', 'reviewer', 'viewer')),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX IF NOT EXISTS project_members_by_user ON project_members (user_id);
CREATE TABLE IF NOT EXISTS project_documents (
  project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  document_id TEXT NOT NULL PRIMARY KEY
);
CREATE INDEX IF NOT EXISTS project_documents_by_project ON project_documents (project_id);
`

/*
 * Columns added after the first release. SQLite has no ADD COLUMN IF NOT EXISTS, so each is
 * added when the table lacks it: an existing file gains them on the first start, a new one
 * right after CREATE_AUTH_SCHEMA. Nullable or defaulted, so old rows stay valid.
 */
export const ADDED_AUTH_COLUMNS: ReadonlyArray<{ table: string; column: string; type: string }> = [
  { table: 'users', column: 'deactivated_at', type: 'INTEGER' },
  { table: 'users', column: 'must_change_password', type: 'INTEGER NOT NULL DEFAULT 0' },
  { table: 'projects', column: 'deleted_at', type: 'INTEGER' },
  // 1 when the project's exports write approved translations only, whatever a request asks.
  { table: 'projects', column: 'export_approved_only', type: 'INTEGER NOT NULL DEFAULT 0' },
  // 1 when importing a document fills its 100 % and 101 % memory matches in as drafts.
  { table: 'projects', column: 'prefill_exact_matches', type: 'INTEGER NOT NULL DEFAULT 0' },
]
