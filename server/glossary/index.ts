export type { Glossary, GlossaryStore, StoredEntry } from './GlossaryStore.ts'
export { createSqliteGlossaryStore } from './sqlite/SqliteGlossaryStore.ts'
export { describeGlossaryStore, type GlossaryStoreHarness } from './glossaryStoreSuite.ts'
