import { afterEach, beforeEach, expect, test } from 'vitest'
import { createJsonLogger } from '../logging/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import {
  openStoreWithDocument,
  type StoreWithDocument,
} from '../../test/support/storeWithDocument.ts'
import type { RoomConnection } from './Room.ts'
import { RoomRegistry } from './RoomRegistry.ts'

let fixture: StoreWithDocument
let store: DocumentStore

beforeEach(async () => {
  fixture = await openStoreWithDocument()
  store = fixture.store
})

afterEach(() => fixture.dispose())

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
