/*
 * The audit table shares the server's SQLite file. Triggers make it append-only for every
 * writer of the file, not only for code that goes through AuditLog.
 */
export const CREATE_AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  user_id     TEXT NOT NULL,
  project_id  TEXT NOT NULL,
  document_id TEXT,
  segment_id  TEXT,
  action      TEXT NOT NULL,
  detail      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_segment ON audit_log (document_id, segment_id, id DESC);
CREATE INDEX IF NOT EXISTS audit_by_project ON audit_log (project_id, id DESC);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`
