import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createTestSchema, hasPostgres } from '../../../test/support/postgres.ts'
import { emptySummary } from '../../../test/support/storeWithDocument.ts'
import { migratePostgres } from '../../database/index.ts'
import { openPostgresPool } from '../../postgres/index.ts'
import { describeDocumentStore } from '../documentStoreSuite.ts'
import type { DocumentStore, LogTail } from '../DocumentStore.ts'
import { createPostgresDocumentStore } from './PostgresDocumentStore.ts'

const failOnPoolError = (error: Error) => {
  throw error
}

/** A store in a fresh schema; closing it ends its pool, as the server's database does. */
async function openStore(url: string): Promise<DocumentStore> {
  const pool = openPostgresPool(url, failOnPoolError)
  await migratePostgres(pool)
  const store = createPostgresDocumentStore(pool)
  return { ...store, close: () => pool.end() }
}

/** Creates document `id` in `store`; returns `count` updates of it, in order, not yet appended. */
async function documentWithUpdates(
  store: DocumentStore,
  id: string,
  count: number,
): Promise<Uint8Array[]> {
  const doc = new Y.Doc()
  await store.createDocument(emptySummary(id, id), Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getArray<number>('n').push([i])
  return updates
}

describe.skipIf(!hasPostgres)('PostgreSQL document store', () => {
  describeDocumentStore('postgres', async () => {
    const schema = await createTestSchema('documents')
    return { open: () => openStore(schema.url), dispose: () => schema.drop() }
  })

  test('numbers updates strictly increasing per document when many connections append at once', async () => {
    const schema = await createTestSchema('append_race')
    const stores = await Promise.all([openStore(schema.url), openStore(schema.url)])
    try {
      const updates = await documentWithUpdates(stores[0], 'shared', 60)

      // Two pools (two "processes"), each firing its half without waiting: 20 connections race.
      const seqs = await Promise.all(
        updates.map((update, i) => stores[i % 2]!.appendUpdate('shared', update)),
      )
      expect(new Set(seqs).size).toBe(updates.length)
      const loaded = await stores[1].loadDocument('shared')
      expect(loaded?.updates).toHaveLength(updates.length)
      expect(loaded?.lastSeq).toBe(Math.max(...seqs))
      // The log, read in sequence order, holds exactly what each append was numbered with.
      const bySeq = new Map(seqs.map((seq, i) => [seq, updates[i]!]))
      const ordered = [...bySeq.keys()].sort((a, b) => a - b).map((seq) => bySeq.get(seq))
      expect(loaded?.updates).toEqual(ordered)
    } finally {
      await Promise.all(stores.map((store) => store.close()))
      await schema.drop()
    }
  })

  test('a judged append to a log that ends where the writer is judges once, with an empty tail', async () => {
    const schema = await createTestSchema('judged_once')
    const store = await openStore(schema.url)
    try {
      const updates = await documentWithUpdates(store, 'alone', 2)
      const first = await store.appendUpdate('alone', updates[0]!)
      const tails: LogTail[] = []
      const { seq } = await store.appendJudged('alone', first, (tail) => {
        tails.push(tail)
        return { append: updates[1]!, verdict: null }
      })
      expect(tails).toEqual([{ snapshot: null, updates: [], lastSeq: first }])
      expect(seq).toBeGreaterThan(first)
      expect((await store.loadDocument('alone'))?.updates).toEqual(updates)
    } finally {
      await store.close()
      await schema.drop()
    }
  })

  test('a judgement made before another writer appended is not stored: the one made with its update is', async () => {
    const schema = await createTestSchema('judged_again')
    const stores = await Promise.all([openStore(schema.url), openStore(schema.url)])
    try {
      const updates = await documentWithUpdates(stores[0], 'shared', 3)
      // The other process appends after this one last read the log (at 0).
      const other = await stores[1].appendUpdate('shared', updates[0]!)
      const tails: LogTail[] = []
      const { seq, verdict } = await stores[0].appendJudged('shared', 0, (tail) => {
        tails.push(tail)
        // What a judge says without the other's update differs from what it says with it.
        return tail.updates.length === 0
          ? { append: updates[2]!, verdict: 'without' }
          : { append: updates[1]!, verdict: 'with' }
      })
      expect(tails.map((tail) => tail.updates)).toEqual([[], [updates[0]]])
      expect(verdict).toBe('with')
      expect(seq).toBeGreaterThan(other)
      expect((await stores[1].loadDocument('shared'))?.updates).toEqual([updates[0], updates[1]])
    } finally {
      await Promise.all(stores.map((store) => store.close()))
      await schema.drop()
    }
  })

  test('judged appends racing from two pools each judge against the whole log before them', async () => {
    const schema = await createTestSchema('judged_race')
    const stores = await Promise.all([openStore(schema.url), openStore(schema.url)])
    try {
      const updates = await documentWithUpdates(stores[0], 'shared', 40)

      // Each writer knows only the log as of the start (0): the tail each judge is handed must
      // be every update stored before its own, however the lock was granted.
      const judged = await Promise.all(
        updates.map(async (update, i) => {
          let seen = 0
          let lastSeq = -1
          const { seq } = await stores[i % 2]!.appendJudged('shared', 0, (tail) => {
            seen = tail.updates.length
            lastSeq = tail.lastSeq
            // A group of two at every fifth writer: both rows, in order, one commit.
            return { append: i % 5 === 0 ? [update, update] : update, verdict: null }
          })
          return { seq: seq!, seen, lastSeq, rows: i % 5 === 0 ? 2 : 1 }
        }),
      )
      const loaded = await stores[1].loadDocument('shared')
      const stored = judged.reduce((sum, { rows }) => sum + rows, 0)
      expect(loaded?.updates).toHaveLength(stored)
      // In commit order, each judge saw exactly the rows committed before it, ending where its
      // own rows begin.
      const ordered = [...judged].sort((a, b) => a.seq - b.seq)
      let before = 0
      let previousSeq = 0
      for (const { seq, seen, lastSeq, rows } of ordered) {
        expect(seen).toBe(before)
        if (before > 0) expect(lastSeq).toBe(previousSeq)
        before += rows
        previousSeq = seq
      }
      expect(loaded?.lastSeq).toBe(previousSeq)
    } finally {
      await Promise.all(stores.map((store) => store.close()))
      await schema.drop()
    }
  })

  test('refuses an update for a document it does not have, storing nothing', async () => {
    const schema = await createTestSchema('append_missing')
    const store = await openStore(schema.url)
    try {
      await expect(store.appendUpdate('missing', new Uint8Array([0, 0]))).rejects.toThrow(
        /no document missing/,
      )
    } finally {
      await store.close()
      await schema.drop()
    }
  })
})
