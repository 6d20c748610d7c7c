import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parsePlainText } from '@qalam/shared/formats'
import { readSegments } from '@qalam/shared/model'
import { openSqliteDocumentStore, replayDocument, type DocumentStore } from '../storage/index.ts'
import { buildDocument, storeDocument, type NewDocument } from './createDocument.ts'

const dirs: string[] = []
const stores: DocumentStore[] = []

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function openStore(): DocumentStore {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-create-'))
  dirs.push(dir)
  const store = openSqliteDocumentStore(join(dir, 'qalam.sqlite'))
  stores.push(store)
  return store
}

/** 5,000 sentences: two parts and a half. */
function largeDocument(): NewDocument {
  const text = Array.from({ length: 5_000 }, (_, i) => `Предложение номер ${i + 1}.`).join(' ')
  return { title: 'large', sourceLang: 'ru', targetLang: 'kk', parsed: parsePlainText(text, 'ru') }
}

describe('a new document', () => {
  test('is built in parts, stored in order, and replays to every segment', async () => {
    const input = largeDocument()
    const built = buildDocument(input, 1000)
    expect(built.updates).toHaveLength(3)
    expect(built.progress.segments).toBe(5_000)
    const store = openStore()
    const summary = await storeDocument(store, input, built, 1000)
    const stored = await store.loadDocument(summary.id)
    const sources = readSegments(replayDocument(stored!)).map((segment) => segment.source)
    expect(sources).toEqual(input.parsed.segments.map((segment) => segment.source))
  })

  test('whose later parts fail to store leaves nothing stored', async () => {
    const input = largeDocument()
    const store = openStore()
    let appended = 0
    const failing: DocumentStore = {
      ...store,
      appendUpdate: async (id, update) => {
        if (++appended === 2) throw new Error('disk full')
        return store.appendUpdate(id, update)
      },
    }
    await expect(storeDocument(failing, input, buildDocument(input, 1000), 1000)).rejects.toThrow(
      'disk full',
    )
    expect(await store.listDocuments()).toEqual([])
  })
})
