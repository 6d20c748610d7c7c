export type { SegmentationStore, StoredSegmentation } from './SegmentationStore.ts'
export { createSqliteSegmentationStore } from './sqlite/SqliteSegmentationStore.ts'
export { projectRules } from './projectRules.ts'
