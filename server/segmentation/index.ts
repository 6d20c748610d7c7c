export type { SegmentationStore, StoredSegmentation } from './SegmentationStore.ts'
export {
  createSqliteSegmentationSchema,
  createSqliteSegmentationStore,
} from './sqlite/SqliteSegmentationStore.ts'
export { createPostgresSegmentationStore } from './postgres/PostgresSegmentationStore.ts'
export { projectRules, readRules } from './projectRules.ts'
