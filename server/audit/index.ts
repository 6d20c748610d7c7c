export {
  type AuditEntry,
  type AuditLog,
  type AuditPage,
  type NewAuditEntry,
  type PageRequest,
} from './AuditLog.ts'
export { lateTypingEntry, statusAction, statusEntry } from './statusEntry.ts'
export { createSqliteAuditLog, createSqliteAuditSchema } from './sqlite/SqliteAuditLog.ts'
export { createPostgresAuditLog } from './postgres/PostgresAuditLog.ts'
