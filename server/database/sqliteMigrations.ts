import type Database from 'better-sqlite3'
import { createSqliteAuditSchema } from '../audit/index.ts'
import { createSqliteAuthSchema, createSqliteKnownDevicesSchema } from '../auth/index.ts'
import { createSqliteGlossarySchema } from '../glossary/index.ts'
import { createSqliteSegmentationSchema } from '../segmentation/index.ts'
import { createSqliteDocumentSchema } from '../storage/index.ts'
import { createSqliteTranslationMemorySchema } from '../tm/index.ts'

/*
 * The SQLite schema, one step per version, recorded in `schema_migrations`. Step 1 adopts
 * every file written before versions were recorded: each capability's schema function is
 * idempotent and brings any earlier file (the first release's included) to the layout of
 * that step, so a fresh file and an old one end the same. Later steps are plain changes run
 * once each. A step never changes once released.
 */
export interface SqliteMigration {
  version: number
  name: string
  up(db: Database.Database): void
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'documents, accounts, projects, audit log and segmentation rules',
    up(db) {
      createSqliteDocumentSchema(db)
      createSqliteAuthSchema(db)
      createSqliteAuditSchema(db)
      createSqliteSegmentationSchema(db)
    },
  },
  {
    version: 2,
    // Idempotent too: a file from a release without schema_migrations may already hold them.
    name: 'translation memories, their projects, units and staged imports',
    up(db) {
      createSqliteTranslationMemorySchema(db)
    },
  },
  {
    version: 3,
    // Idempotent as well, for files of releases without schema_migrations. The document
    // tables' own version (schema_version 3) adds the imported files; step 1 may have done it.
    name: 'original files of imports, known devices and glossaries',
    up(db) {
      createSqliteDocumentSchema(db)
      createSqliteKnownDevicesSchema(db)
      createSqliteGlossarySchema(db)
    },
  },
  {
    version: 4,
    // The auth schema is idempotent and adds the columns a file lacks (ADDED_AUTH_COLUMNS):
    // here the projects' export rule, 0 (off) for every existing project.
    name: "projects' approved-only export rule",
    up(db) {
      createSqliteAuthSchema(db)
    },
  },
  {
    version: 5,
    // The TM schema is idempotent and adds what a file lacks (ADDED_TM_COLUMNS, tm_imports):
    // imports published at once, memory revisions.
    name: 'translation memory imports published at once, memory revisions',
    up(db) {
      createSqliteTranslationMemorySchema(db)
    },
  },
  {
    version: 6,
    // The auth schema again (ADDED_AUTH_COLUMNS): the projects' pre-fill setting, 0 (off).
    name: "projects' pre-fill of exact matches",
    up(db) {
      createSqliteAuthSchema(db)
    },
  },
  {
    version: 7,
    // The document tables' own version 4 (idempotent): export views kept at unload.
    name: 'export views of documents',
    up(db) {
      createSqliteDocumentSchema(db)
    },
  },
]
