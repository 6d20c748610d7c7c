export {
  WRITER_CHECKPOINT_PAGES,
  createSqliteDocumentSchema,
  openSqliteDocumentStore,
} from './SqliteDocumentStore.ts'
export { openWriteProbe, type WriteProbe } from './writeProbe.ts'
