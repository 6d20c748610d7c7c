/*
 * Segmentation settings live in the server's one SQLite file beside the auth tables, linked
 * to projects by id; every statement is idempotent.
 */
export const CREATE_SEGMENTATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS project_srx (
  project_id TEXT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  srx        TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS segmentation_exceptions (
  id           TEXT PRIMARY KEY,
  project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  lang         TEXT NOT NULL,
  is_break     INTEGER NOT NULL,
  before_break TEXT NOT NULL,
  after_break  TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS segmentation_exceptions_by_project
  ON segmentation_exceptions (project_id, created_at);
`
