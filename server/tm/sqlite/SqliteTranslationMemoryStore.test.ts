import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeTranslationMemoryStore } from '../translationMemoryStoreSuite.ts'
import { openSqliteTranslationMemoryStore } from './SqliteTranslationMemoryStore.ts'

describeTranslationMemoryStore('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qalam-tm-'))
  return {
    open: async () => openSqliteTranslationMemoryStore(join(dir, 'qalam.sqlite')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
})
