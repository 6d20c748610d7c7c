import { afterEach, beforeEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createJsonLogger } from '../logging/index.ts'
import { openSqliteDocumentStore, type DocumentStore } from '../storage/index.ts'
import type { RoomConnection } from './Room.ts'
import { RoomRegistry } from './RoomRegistry.ts'

let dir: string
let store: DocumentStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qalam-registry-'))
  store = openSqliteDocumentStore(join(dir, 'qalam.sqlite'))
  const initial = new Y.Doc()
  initial.getText('t').insert(0, 'start')
  await store.createDocument(
    {
      id: 'doc',
      title: 'Doc',
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
    },
    Y.encodeStateAsUpdate(initial),
  )
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

const connection: RoomConnection = {
  peer: { connectionId: 'c1', userId: 'u1', role: 'translator', projectId: 'p' },
  send: () => undefined,
  close: () => undefined,
}

test('shutdown waits for a room still loading, unloads it and lets nobody in', async () => {
  let releaseLoad = () => {}
  const slowStore: DocumentStore = {
    ...store,
    async loadDocument(id) {
      await new Promise<void>((resolve) => (releaseLoad = resolve))
      return store.loadDocument(id)
    },
  }
  const registry = new RoomRegistry({
    store: slowStore,
    log: createJsonLogger(() => undefined),
    unloadDelayMs: 60_000,
    compactEveryUpdates: 1000,
    progressDelayMs: 10_000,
  })

  const joining = registry.join('doc', connection)
  let unloaded = false
  const shutdown = registry.unloadAll().then(() => (unloaded = true))
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(unloaded).toBe(false)

  releaseLoad()
  await shutdown
  expect(await joining).toBeNull()
  expect(registry.liveDocument('doc')).toBeUndefined()
  expect(await registry.join('doc', connection)).toBeNull()
})
