export { createPostgresDocumentStore } from './PostgresDocumentStore.ts'
