import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { makeTempDir, type TempDir } from '../../test/support/tempDir.ts'
import { MatchLookup, reportingWrites } from './MatchLookup.ts'
import { openSqliteTranslationMemoryStore } from './sqlite/SqliteTranslationMemoryStore.ts'
import type { TranslationMemoryStore } from './TranslationMemoryStore.ts'
import { unit } from './translationMemoryStoreSuite.ts'

let dir: TempDir | null = null
let opened: TranslationMemoryStore | null = null
let lookup: MatchLookup | null = null

afterEach(async () => {
  lookup?.close()
  await opened?.close()
  await dir?.remove()
  lookup = opened = dir = null
})

async function setup(idleMs?: number) {
  dir = await makeTempDir('qalam-lookup-')
  opened = openSqliteTranslationMemoryStore(join(dir.path, 'tm.sqlite'))
  const created = new MatchLookup(opened, idleMs)
  lookup = created
  const store = reportingWrites(opened, (memoryId) => created.noteWrite(memoryId))
  const memory = await store.createMemory('p1', 'Қор')
  return { store, lookup: created, memoryId: memory.id }
}

const query = (memoryId: string, source: string) => ({
  memoryIds: [memoryId],
  sourceLang: 'ru',
  targetLang: 'kk',
  source,
  prev: '',
  next: '',
  limit: 5,
  minScore: 0.5,
})

test('units written after the index was built are found by the next lookup, imports included', async () => {
  const { store, lookup, memoryId } = await setup()
  await store.addUnits(memoryId, [unit('Читальный зал закрыт.', 'Оқу залы жабық.')])
  expect(await lookup.lookup(query(memoryId, 'Опись хранится в архиве.'))).toEqual([])
  await store.stageUnits('import-1', memoryId, [
    unit('Опись хранится в архиве.', 'Тізімдеме мұрағатта сақталады.'),
  ])
  expect(await lookup.lookup(query(memoryId, 'Опись хранится в архиве.'))).toEqual([])
  await store.commitImport('import-1')
  const found = await lookup.lookup(query(memoryId, 'Опись хранится в архиве.'))
  expect(found.map((match) => [match.percent, match.target])).toEqual([
    [100, 'Тізімдеме мұрағатта сақталады.'],
  ])
  expect(lookup.revision(memoryId)).toBe(2)
})

test('a unit imported without context is 100 %, not 101 %, and an index nobody used for the idle time is dropped and built again on the next lookup', async () => {
  const { store, lookup, memoryId } = await setup(60_000)
  await store.addUnits(memoryId, [unit('Книга хранится в фонде.', 'Кітап қорда сақталады.')])
  await lookup.lookup(query(memoryId, 'Книга хранится в фонде.'))
  expect(lookup.loaded).toBe(1)
  lookup.evictIdle(Date.now() + 30_000)
  expect(lookup.loaded).toBe(1)
  lookup.evictIdle(Date.now() + 60_000)
  expect(lookup.loaded).toBe(0)
  const found = await lookup.lookup(query(memoryId, 'Книга хранится в фонде.'))
  expect(found[0]).toMatchObject({ percent: 100, createdBy: 'aigul' })
})

test('a segment identical to a unit longer than the index keeps is 100 %, and 101 % in context', async () => {
  const { store, lookup, memoryId } = await setup()
  // 2,201 tokens: the 1,000 the index keeps of a unit would score an identical query 45 %.
  const words = Array.from({ length: 1100 }, (_, i) => `слово${i % 97} документ${i % 13}`)
  const source = words.join(' ') + '.'
  const prev = 'Опись хранится в архиве.'
  const next = 'Читальный зал закрыт.'
  await store.addUnits(memoryId, [
    unit(source, 'Ұзын мәтін.'),
    unit(source, 'Ұзын мәтін, контекстпен.', {
      origin: 'segment',
      previousSource: prev,
      nextSource: next,
      changedAt: 500,
    }),
    unit(`${words.slice(0, 900).join(' ')} иное.`, 'Басқа мәтін.'),
  ])
  const found = await lookup.lookup(query(memoryId, source))
  expect(found.slice(0, 2).map((match) => [match.percent, match.target])).toEqual([
    [100, 'Ұзын мәтін.'],
    [100, 'Ұзын мәтін, контекстпен.'],
  ])
  const inContext = await lookup.lookup({ ...query(memoryId, `  ${source} `), prev, next })
  expect(inContext[0]).toMatchObject({ percent: 101, target: 'Ұзын мәтін, контекстпен.' })
  expect(inContext[1]).toMatchObject({ percent: 100, target: 'Ұзын мәтін.' })
})
