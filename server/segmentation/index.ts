export type { SegmentationStore, StoredSegmentation } from './SegmentationStore.ts'
export { createSqliteSegmentationStore } from './sqlite/SqliteSegmentationStore.ts'
export { projectRules, readRules } from './projectRules.ts'
