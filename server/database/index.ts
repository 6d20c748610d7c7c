export {
  describeLocation,
  migrateDatabase,
  openDatabase,
  openTranslationMemory,
  readMigrationStatus,
  type DatabaseLocation,
  type OpenDatabase,
} from './openDatabase.ts'
export {
  NewerSchemaError,
  isCurrent,
  migratePostgres,
  migrateSqlite,
  postgresMigrationStatus,
  sqliteMigrationStatus,
  type MigrationResult,
  type MigrationStatus,
} from './migrate.ts'
export { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgresMigrations.ts'
export { SQLITE_MIGRATIONS, type SqliteMigration } from './sqliteMigrations.ts'
export {
  BOOKKEEPING_TABLES,
  COPIED_TABLES,
  CopyRefusedError,
  copyDatabase,
  mismatchedTables,
  type CopyReport,
  type TableDigest,
} from './copy/index.ts'
