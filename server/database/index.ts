export {
  describeLocation,
  migrateDatabase,
  openDatabase,
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
