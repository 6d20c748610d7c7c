export {
  inTransaction,
  isUniqueViolation,
  openPostgresClient,
  openPostgresPool,
} from './connectPostgres.ts'
