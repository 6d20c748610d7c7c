import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeDocumentStore } from '../documentStoreSuite.ts'
import { openSqliteDocumentStore } from './SqliteDocumentStore.ts'

describeDocumentStore('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qalam-store-'))
  return {
    open: async () => openSqliteDocumentStore(join(dir, 'qalam.sqlite')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
})
