export type {
  DeletedDocument,
  DocumentStore,
  DocumentSummary,
  Judgement,
  LoadedDocument,
  LogTail,
  OriginalFile,
} from './DocumentStore.ts'
export { createPostgresDocumentStore } from './postgres/index.ts'
export { replayDocument } from './replayDocument.ts'
export {
  WRITER_CHECKPOINT_PAGES,
  createSqliteDocumentSchema,
  openSqliteDocumentStore,
  openWriteProbe,
  type WriteProbe,
} from './sqlite/index.ts'
