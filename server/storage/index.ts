export type { DocumentStore, DocumentSummary, LoadedDocument } from './DocumentStore.ts'
export { replayDocument } from './replayDocument.ts'
export { openSqliteDocumentStore } from './sqlite/index.ts'
