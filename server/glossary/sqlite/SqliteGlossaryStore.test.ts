import Database from 'better-sqlite3'
import { createSqliteAuthStore } from '../../auth/index.ts'
import { describeGlossaryStore } from '../glossaryStoreSuite.ts'
import { createSqliteGlossaryStore } from './SqliteGlossaryStore.ts'

describeGlossaryStore('sqlite', async () => {
  const db = new Database(':memory:')
  const auth = createSqliteAuthStore(db)
  const store = createSqliteGlossaryStore(db)
  return {
    store,
    createProject: async () => (await auth.createProject('Project')).id,
    dispose: async () => {
      db.close()
    },
  }
})
