export {
  UNIT_ORIGINS,
  type Memory,
  type MemoryMode,
  type MemoryStats,
  type NewUnit,
  type ProjectMemory,
  type StoredUnit,
  type TranslationMemoryStore,
  type UnitOrigin,
  type UnitsWritten,
} from './TranslationMemoryStore.ts'
export { openSqliteTranslationMemoryStore } from './sqlite/SqliteTranslationMemoryStore.ts'
export { createSqliteTranslationMemorySchema } from './sqlite/schema.ts'
export { createPostgresTranslationMemoryStore } from './postgres/PostgresTranslationMemoryStore.ts'
export {
  emptyProgress,
  importTmx,
  SKIP_REASONS,
  type ImportProgress,
  type ImportSummary,
  type SkipReason,
} from './importTmx.ts'
export { exportTmx } from './exportTmx.ts'
export { ImportJobs, type ImportJobState } from './importJobs.ts'
export { rememberApprovedSegments, rememberLateTyping } from './rememberApprovedSegments.ts'
export { rememberAlignedPairs } from './rememberAlignedPairs.ts'
export {
  MatchLookup,
  reportingWrites,
  type ConcordanceQuery,
  type ConcordanceSide,
  type FoundConcordance,
  type FoundMatch,
  type MatchQuery,
} from './MatchLookup.ts'
