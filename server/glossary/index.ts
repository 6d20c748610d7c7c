export type { Glossary, GlossaryStore, StoredEntry } from './GlossaryStore.ts'
export { createSqliteGlossaryStore } from './sqlite/SqliteGlossaryStore.ts'
export { createSqliteGlossarySchema } from './sqlite/schema.ts'
export { createPostgresGlossaryStore } from './postgres/PostgresGlossaryStore.ts'
export {
  GlossaryBytesError,
  readGlossaryBytes,
  type GlossaryReadProgress,
} from './readGlossaryBytes.ts'
