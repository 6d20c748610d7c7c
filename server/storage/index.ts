export type { DocumentStore, DocumentSummary, LoadedDocument } from './DocumentStore.ts'
export { openSqliteDocumentStore } from './sqlite/index.ts'
