export type {
  DeletedDocument,
  DocumentStore,
  DocumentSummary,
  LoadedDocument,
  OriginalFile,
} from './DocumentStore.ts'
export { replayDocument } from './replayDocument.ts'
export { openSqliteDocumentStore, openWriteProbe, type WriteProbe } from './sqlite/index.ts'
