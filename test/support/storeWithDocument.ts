import * as Y from 'yjs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  openSqliteDocumentStore,
  type DocumentStore,
  type DocumentSummary,
} from '../../server/storage/index.ts'

/** The summary of a ru → kk document with nothing counted yet, for a store's own tests. */
export function emptySummary(id: string, title: string): DocumentSummary {
  return {
    id,
    title,
    sourceLang: 'ru',
    targetLang: 'kk',
    createdAt: 1,
    updatedAt: 1,
    progress: {
      segments: 0,
      words: 0,
      translatedWords: 0,
      approvedWords: 0,
      byStatus: { new: 0, draft: 0, translated: 0, approved: 0, rejected: 0 },
    },
  }
}

export interface StoreWithDocument {
  store: DocumentStore
  /** Closes the store and removes its directory. */
  dispose(): Promise<void>
}

/** A real SQLite store in a fresh directory holding one small document `doc`. */
export async function openStoreWithDocument(): Promise<StoreWithDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'qalam-store-'))
  const store = openSqliteDocumentStore(join(dir, 'qalam.sqlite'))
  const initial = new Y.Doc()
  initial.getText('t').insert(0, 'start')
  await store.createDocument(emptySummary('doc', 'Doc'), Y.encodeStateAsUpdate(initial))
  return {
    store,
    async dispose() {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
