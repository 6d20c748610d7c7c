import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parsePlainText } from '@qalam/shared/formats'
import { readSegments, type InlineTag, type SegmentInit } from '@qalam/shared/model'
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

  test('keeps the inline tags of every segment, in the later parts too, and the original file', async () => {
    const tags: InlineTag[] = [
      { kind: 'open', n: 1, label: 'bold', display: '<b>', data: '<pc id="1">' },
      { kind: 'close', n: 1, label: 'bold', display: '</b>', data: '</pc>' },
    ]
    const segments: SegmentInit[] = Array.from({ length: 4_500 }, (_, i) => ({
      source: `Сөйлем ${i + 1}`,
      paragraph: i,
      before: '',
      tags,
      sourceTags: [
        { kind: 'open', n: 1, offset: 0 },
        { kind: 'close', n: 1, offset: 6 },
      ],
      target: `Sentence ${i + 1}`,
      targetTags: [
        { kind: 'open', n: 1, offset: 0 },
        { kind: 'close', n: 1, offset: 8 },
      ],
    }))
    const bytes = new TextEncoder().encode('<xliff version="2.0"/>')
    const original = { format: 'xliff20', encoding: 'utf-8', sha256: 'x', bytes, name: 'a.xlf' }
    const input: NewDocument = {
      title: 'tagged',
      sourceLang: 'kk',
      targetLang: 'en',
      parsed: { segments, trailing: '' },
      sourceFormat: 'xliff20',
      original,
    }
    const built = buildDocument(input, 1000)
    expect(built.updates).toHaveLength(3)
    const store = openStore()
    const summary = await storeDocument(store, input, built, 1000)
    const views = readSegments(replayDocument((await store.loadDocument(summary.id))!))
    const last = views[4_499]!
    expect(last.tags).toEqual(tags)
    expect(last.sourceTags).toEqual(segments[4_499]!.sourceTags)
    expect(last.targetTags).toEqual(segments[4_499]!.targetTags)
    expect(last.target).toBe('Sentence 4500')
    expect(views.every((view) => view.tags.length === 2)).toBe(true)
    expect((await store.loadOriginal(summary.id))?.name).toBe('a.xlf')
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
