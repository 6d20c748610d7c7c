import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { DocumentProgress } from '@qalam/shared/model'
import type { DocumentStore, DocumentSummary, LogTail } from './DocumentStore.ts'

/** Opens stores over one underlying database; `open` again after `close` sees the same data. */
export interface StoreHarness {
  open(): Promise<DocumentStore>
  dispose(): Promise<void>
}

const EMPTY_PROGRESS: DocumentProgress = {
  segments: 0,
  words: 0,
  translatedWords: 0,
  approvedWords: 0,
  byStatus: { new: 0, draft: 0, translated: 0, approved: 0, rejected: 0 },
}

function summary(id: string, createdAt: number): DocumentSummary {
  return {
    id,
    title: `Document ${id}`,
    sourceLang: 'ru',
    targetLang: 'kk-Cyrl',
    createdAt,
    updatedAt: createdAt,
    progress: EMPTY_PROGRESS,
  }
}

/** Returns a doc plus the updates each `edit` produced, in order. */
function recordEdits(edits: number): { doc: Y.Doc; initial: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  doc.getArray<string>('items').push(['start'])
  const initial = Y.encodeStateAsUpdate(doc)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < edits; i++) doc.getArray<string>('items').push([`edit ${i}`])
  return { doc, initial, updates }
}

function replay(snapshot: Uint8Array, updates: Uint8Array[]): string[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, snapshot)
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getArray<string>('items').toArray()
}

/** The behaviour every DocumentStore adapter must have. */
export function describeDocumentStore(name: string, createHarness: () => Promise<StoreHarness>) {
  describe(`DocumentStore: ${name}`, () => {
    let harness: StoreHarness
    let store: DocumentStore

    beforeEach(async () => {
      harness = await createHarness()
      store = await harness.open()
    })
    afterEach(async () => {
      await store.close()
      await harness.dispose()
    })

    test('loads a created document as its initial snapshot with an empty log', async () => {
      const { initial } = recordEdits(0)
      await store.createDocument(summary('a', 1), initial)
      const loaded = await store.loadDocument('a')
      expect(loaded?.updates).toEqual([])
      expect(replay(loaded!.snapshot, [])).toEqual(['start'])
      expect(await store.getDocument('a')).toEqual(summary('a', 1))
    })

    test('keeps the original file with the document, byte for byte, until it is purged', async () => {
      const { initial } = recordEdits(0)
      const bytes = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xd8])
      const original = {
        format: 'xliff12',
        encoding: 'utf-16le',
        sha256: 'ab'.repeat(32),
        bytes,
        name: 'report.docx.sdlxliff',
      }
      await store.createDocument(summary('a', 1), initial, original)
      await store.createDocument(summary('b', 2), initial)
      expect(await store.loadOriginal('a')).toEqual(original)
      expect(await store.loadOriginal('b')).toBeNull()
      await store.deleteDocument('a')
      expect(await store.loadOriginal('a')).toBeNull()
      await store.restoreDocument('a')
      expect((await store.loadOriginal('a'))?.bytes).toEqual(bytes)
      await store.removeDocuments(['a'])
      expect(await store.loadOriginal('a')).toBeNull()
    })

    test('returns null for a document it does not have', async () => {
      expect(await store.loadDocument('missing')).toBeNull()
      expect(await store.getDocument('missing')).toBeNull()
    })

    test('gives appended updates back in append order with increasing sequence numbers', async () => {
      const { doc, initial, updates } = recordEdits(20)
      await store.createDocument(summary('a', 1), initial)
      const seqs: number[] = []
      for (const update of updates) seqs.push(await store.appendUpdate('a', update))
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
      expect(new Set(seqs).size).toBe(seqs.length)

      const loaded = await store.loadDocument('a')
      expect(loaded?.updates).toEqual(updates)
      expect(loaded?.lastSeq).toBe(seqs.at(-1))
      expect(replay(loaded!.snapshot, loaded!.updates)).toEqual(doc.getArray('items').toArray())
    })

    test('keeps the logs of different documents apart', async () => {
      const a = recordEdits(2)
      const b = recordEdits(3)
      await store.createDocument(summary('a', 1), a.initial)
      await store.createDocument(summary('b', 2), b.initial)
      for (const update of a.updates) await store.appendUpdate('a', update)
      for (const update of b.updates) await store.appendUpdate('b', update)
      expect((await store.loadDocument('a'))?.updates).toEqual(a.updates)
      expect((await store.loadDocument('b'))?.updates).toEqual(b.updates)
    })

    test('compaction replaces the snapshot and drops the log up to the given update only', async () => {
      const { doc, initial, updates } = recordEdits(6)
      await store.createDocument(summary('a', 1), initial)
      const seqs: number[] = []
      for (const update of updates.slice(0, 4)) seqs.push(await store.appendUpdate('a', update))

      const partial = new Y.Doc()
      Y.applyUpdate(partial, initial)
      for (const update of updates.slice(0, 4)) Y.applyUpdate(partial, update)
      const later = [updates[4]!, updates[5]!]
      await store.compact('a', Y.encodeStateAsUpdate(partial), seqs[3]!)
      for (const update of later) seqs.push(await store.appendUpdate('a', update))

      const loaded = await store.loadDocument('a')
      expect(loaded?.updates).toEqual(later)
      expect(loaded?.lastSeq).toBe(seqs.at(-1))
      expect(replay(loaded!.snapshot, loaded!.updates)).toEqual(doc.getArray('items').toArray())
    })

    test('reports the snapshot sequence as the last one once the log is fully compacted', async () => {
      const { doc, initial, updates } = recordEdits(3)
      await store.createDocument(summary('a', 1), initial)
      let last = 0
      for (const update of updates) last = await store.appendUpdate('a', update)
      await store.compact('a', Y.encodeStateAsUpdate(doc), last)
      const loaded = await store.loadDocument('a')
      expect(loaded?.updates).toEqual([])
      expect(loaded?.lastSeq).toBe(last)
      expect(await store.appendUpdate('a', updates[0]!)).toBeGreaterThan(last)
    })

    test('an export view is read back only while nothing was stored after it, and never goes back', async () => {
      const { doc, initial, updates } = recordEdits(3)
      const view = (text: string) => new TextEncoder().encode(JSON.stringify({ text }))
      const read = async () => {
        const bytes = await store.loadExportView('a')
        return bytes && (JSON.parse(new TextDecoder().decode(bytes)) as { text: string }).text
      }
      await store.createDocument(summary('a', 1), initial)
      expect(await read()).toBeNull()
      const first = await store.appendUpdate('a', updates[0]!)
      await store.saveExportView('a', first, view('first'))
      expect(await read()).toBe('first')
      // An update after it: the view no longer says what the document holds.
      const second = await store.appendUpdate('a', updates[1]!)
      expect(await read()).toBeNull()
      await store.saveExportView('a', second, view('second'))
      expect(await read()).toBe('second')
      // A slower unload with an older view changes nothing.
      await store.saveExportView('a', first, view('stale'))
      expect(await read()).toBe('second')
      // A compaction past it (another process's updates folded) leaves it behind as well.
      const third = await store.appendUpdate('a', updates[2]!)
      await store.compact('a', Y.encodeStateAsUpdate(doc), third)
      expect(await read()).toBeNull()
      await store.saveExportView('a', third, view('third'))
      expect(await read()).toBe('third')
      // It goes to the bin with its document, and comes back with it.
      await store.deleteDocument('a', 5000)
      expect(await read()).toBeNull()
      await store.restoreDocument('a')
      expect(await read()).toBe('third')
      expect(await store.loadExportView('unknown')).toBeNull()
    })

    test('a judged append sees the log past its sequence number and appends what the judge returns', async () => {
      const { doc, initial, updates } = recordEdits(4)
      await store.createDocument(summary('a', 1), initial)
      const first = await store.appendUpdate('a', updates[0]!)
      const second = await store.appendUpdate('a', updates[1]!)
      const tails: LogTail[] = []
      const judged = await store.appendJudged('a', first, (tail) => {
        tails.push(tail)
        return { append: updates[2]!, verdict: 'accepted' }
      })
      // The judgement stored is the last one, which saw the log past `first` (a store may
      // judge first with an empty tail: see DocumentStore).
      expect(tails.at(-1)).toEqual({ snapshot: null, updates: [updates[1]], lastSeq: second })
      expect(judged).toEqual({ seq: expect.any(Number), verdict: 'accepted' })
      expect(judged.seq).toBeGreaterThan(second)

      const refused = await store.appendJudged('a', judged.seq!, (tail) => {
        expect(tail).toEqual({ snapshot: null, updates: [], lastSeq: judged.seq })
        return { append: null, verdict: 'refused' }
      })
      expect(refused).toEqual({ seq: null, verdict: 'refused' })
      await store.appendUpdate('a', updates[3]!)
      const loaded = await store.loadDocument('a')
      expect(replay(loaded!.snapshot, loaded!.updates)).toEqual(doc.getArray('items').toArray())
    })

    test('a tail past a compaction starts with the snapshot, and an older compaction never replaces it', async () => {
      const { doc, initial, updates } = recordEdits(5)
      await store.createDocument(summary('a', 1), initial)
      const seqs: number[] = []
      for (const update of updates.slice(0, 3)) seqs.push(await store.appendUpdate('a', update))
      const partial = new Y.Doc()
      Y.applyUpdate(partial, initial)
      for (const update of updates.slice(0, 3)) Y.applyUpdate(partial, update)
      await store.compact('a', Y.encodeStateAsUpdate(partial), seqs[2]!)
      // A process behind the compaction folds what it has: the newer snapshot must stay.
      const behind = new Y.Doc()
      Y.applyUpdate(behind, initial)
      await store.compact('a', Y.encodeStateAsUpdate(behind), seqs[0]!)
      for (const update of updates.slice(3)) seqs.push(await store.appendUpdate('a', update))

      const tail = await store.loadTail('a', seqs[0]!)
      expect(tail?.snapshot).not.toBeNull()
      expect(tail?.updates).toEqual(updates.slice(3))
      expect(tail?.lastSeq).toBe(seqs.at(-1))
      expect(replay(tail!.snapshot!, tail!.updates)).toEqual(doc.getArray('items').toArray())
      expect(await store.loadTail('a', seqs.at(-1)!)).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: seqs.at(-1),
      })
      expect(await store.loadTail('missing', 0)).toBeNull()
    })

    test('lists documents newest first', async () => {
      await store.createDocument(summary('old', 100), recordEdits(0).initial)
      await store.createDocument(summary('new', 300), recordEdits(0).initial)
      await store.createDocument(summary('mid', 200), recordEdits(0).initial)
      expect((await store.listDocuments()).map((d) => d.id)).toEqual(['new', 'mid', 'old'])
    })

    test('saves progress and marks appended documents as updated', async () => {
      const { initial, updates } = recordEdits(1)
      await store.createDocument(summary('a', 1), initial)
      const progress: DocumentProgress = {
        ...EMPTY_PROGRESS,
        segments: 2,
        words: 7,
        translatedWords: 3,
        byStatus: { ...EMPTY_PROGRESS.byStatus, new: 1, translated: 1 },
      }
      await store.saveProgress('a', progress)
      await store.appendUpdate('a', updates[0]!)
      const found = await store.getDocument('a')
      expect(found?.progress).toEqual(progress)
      expect(found!.updatedAt).toBeGreaterThan(1)
      expect((await store.listDocuments())[0]?.progress).toEqual(progress)
    })

    test('refuses a second document with the same id and keeps the first intact', async () => {
      const first = recordEdits(0)
      await store.createDocument(summary('a', 1), first.initial)
      const other = new Y.Doc()
      other.getArray('items').push(['other'])
      await expect(
        store.createDocument({ ...summary('a', 2), title: 'Other' }, Y.encodeStateAsUpdate(other)),
      ).rejects.toThrow()
      expect(await store.listDocuments()).toEqual([summary('a', 1)])
      expect(replay((await store.loadDocument('a'))!.snapshot, [])).toEqual(['start'])
    })

    test('a deleted document is absent until restored, and renaming changes only its title', async () => {
      const { initial, updates } = recordEdits(1)
      await store.createDocument(summary('a', 1), initial)
      await store.createDocument(summary('b', 2), recordEdits(0).initial)
      await store.appendUpdate('a', updates[0]!)
      expect(await store.renameDocument('a', 'Renamed')).toBe(true)
      expect(await store.deleteDocument('a', 5000)).toBe(true)
      expect(await store.deleteDocument('a', 6000)).toBe(false)
      expect(await store.getDocument('a')).toBeNull()
      expect(await store.loadDocument('a')).toBeNull()
      expect(await store.renameDocument('a', 'Hidden')).toBe(false)
      expect((await store.listDocuments()).map((d) => d.id)).toEqual(['b'])
      expect(await store.listDeletedDocuments(['a', 'b', 'other'])).toEqual([
        { ...summary('a', 1), title: 'Renamed', updatedAt: expect.any(Number), deletedAt: 5000 },
      ])
      expect(await store.listDeletedDocuments(['b'])).toEqual([])

      expect(await store.restoreDocument('a')).toBe(true)
      expect(await store.restoreDocument('a')).toBe(false)
      expect((await store.getDocument('a'))?.title).toBe('Renamed')
      expect((await store.loadDocument('a'))?.updates).toEqual(updates)
    })

    test('purges only documents deleted before the cut-off, with their logs', async () => {
      await store.createDocument(summary('old', 1), recordEdits(0).initial)
      await store.createDocument(summary('recent', 2), recordEdits(0).initial)
      await store.createDocument(summary('live', 3), recordEdits(0).initial)
      await store.deleteDocument('old', 1000)
      await store.deleteDocument('recent', 9000)
      expect(await store.purgeDocuments(5000)).toEqual(['old'])
      expect(await store.restoreDocument('old')).toBe(false)
      expect(await store.listDeletedDocuments(['old', 'recent'])).toMatchObject([{ id: 'recent' }])
      await store.removeDocuments(['live'])
      expect((await store.listDocuments()).map((d) => d.id)).toEqual([])
    })

    test('keeps everything across close and reopen', async () => {
      const { doc, initial, updates } = recordEdits(5)
      await store.createDocument(summary('a', 1), initial)
      for (const update of updates) await store.appendUpdate('a', update)
      const before = await store.listDocuments()
      await store.close()

      store = await harness.open()
      expect(await store.listDocuments()).toEqual(before)
      const loaded = await store.loadDocument('a')
      expect(loaded?.updates).toEqual(updates)
      expect(replay(loaded!.snapshot, loaded!.updates)).toEqual(doc.getArray('items').toArray())
    })
  })
}
