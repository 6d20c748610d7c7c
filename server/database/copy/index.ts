export {
  CopyRefusedError,
  copyDatabase,
  mismatchedTables,
  type CopyReport,
} from './copyDatabase.ts'
export { COPIED_TABLES, BOOKKEEPING_TABLES } from './copiedTables.ts'
export type { TableDigest } from './tableDigest.ts'
