export { openSqliteDocumentStore } from './SqliteDocumentStore.ts'
