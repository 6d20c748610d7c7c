export { inTransaction, isUniqueViolation, openPostgresPool } from './connectPostgres.ts'
