import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { initDocument, SERVER_ORIGIN } from '@qalam/shared/model'
import { makeTempDir, type TempDir } from '../../test/support/tempDir.ts'
import {
  MatchLookup,
  openSqliteTranslationMemoryStore,
  type TranslationMemoryStore,
} from '../tm/index.ts'
import { unit } from '../tm/translationMemoryStoreSuite.ts'
import { analyzeDocument } from './analyzeDocument.ts'

let dir: TempDir | null = null
let store: TranslationMemoryStore | null = null
let lookup: MatchLookup | null = null

afterEach(async () => {
  lookup?.close()
  await store?.close()
  await dir?.remove()
  lookup = store = dir = null
})

function documentOf(sources: string[]): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Опись', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    sources.map((source, paragraph) => ({ source, paragraph, before: paragraph === 0 ? '' : ' ' })),
    SERVER_ORIGIN,
  )
  return doc
}

const REPEATED = 'В фонде хранятся рукописи и письма.'
const FIRST = 'Архив открыт по будням.'
const BEFORE = 'Читальный зал закрыт на ремонт.'
const AFTER = 'Опись фонда составлена заново.'

// Repetitions are looked up for exact matches only (score 1): the cut-off must still find the
// 101 % match that outranks a repetition, and must not turn a repetition into a fuzzy band.
test('a repetition with a 101 % match is in context; one with a fuzzy or 100 % match stays a repetition', async () => {
  dir = await makeTempDir('qalam-analysis-')
  store = openSqliteTranslationMemoryStore(join(dir.path, 'tm.sqlite'))
  lookup = new MatchLookup(store)
  const memory = await store.createMemory('p1', 'Қор')
  await store.addUnits(memory.id, [
    // In context only where the repetition stands (after BEFORE, before AFTER).
    unit(REPEATED, 'Қорда қолжазбалар мен хаттар сақталады.', {
      origin: 'segment',
      previousSource: BEFORE,
      nextSource: AFTER,
    }),
    // A fuzzy match of the repeated FIRST segment (one word changed), and an exact one of AFTER.
    unit('Архив открыт по выходным.', 'Мұрағат демалыс күндері ашық.'),
    unit(AFTER, 'Қордың тізімдемесі қайта жасалды.'),
  ])
  const doc = documentOf([REPEATED, FIRST, BEFORE, REPEATED, AFTER, FIRST, AFTER])
  const report = await analyzeDocument({ doc, memoryIds: [memory.id], lookup })
  expect(report.bands['in-context'].segments).toBe(1)
  expect(report.bands.exact.segments).toBe(2) // REPEATED first (out of context), AFTER first
  expect(report.bands.fuzzy75.segments + report.bands.fuzzy85.segments).toBe(1) // FIRST first
  expect(report.bands.repetition.segments).toBe(2) // FIRST and AFTER again
  expect(report.bands.none.segments).toBe(1) // BEFORE
  expect(report.total.segments).toBe(7)
})

test('a segment its file protects is not counted: it is no work, yet still context for 101 %', async () => {
  dir = await makeTempDir('qalam-analysis-')
  store = openSqliteTranslationMemoryStore(join(dir.path, 'tm.sqlite'))
  lookup = new MatchLookup(store)
  const memory = await store.createMemory('p1', 'Қор')
  await store.addUnits(memory.id, [
    unit(REPEATED, 'Қорда қолжазбалар мен хаттар сақталады.', {
      origin: 'segment',
      previousSource: BEFORE,
      nextSource: AFTER,
    }),
  ])
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Опись', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    [
      { source: BEFORE, paragraph: 0, before: '', isProtected: true },
      { source: REPEATED, paragraph: 1, before: '' },
      { source: AFTER, paragraph: 2, before: '', isProtected: true },
    ],
    SERVER_ORIGIN,
  )
  const report = await analyzeDocument({ doc, memoryIds: [memory.id], lookup })
  expect(report.total.segments).toBe(1)
  expect(report.bands['in-context'].segments).toBe(1)
})
