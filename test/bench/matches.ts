// `npm run bench -- matches`: the editor's match lookup on the server path, without HTTP. A
// memory of 100,000 generated units (`MATCH_UNITS` to change) in a real SQLite store; the first
// lookup builds the index from the store (in pages that yield to the event loop: the longest
// stall is measured), then 500 lookups of edited units and unrelated sentences, each reading
// its units back from SQLite and scoring them with diff spans, as the route does.
import { join } from 'node:path'
import { MatchLookup, openSqliteTranslationMemoryStore } from '../../server/tm/index.ts'
import { makeTempDir } from '../support/tempDir.ts'
import { seededRandom } from '../support/seededRandom.ts'
import {
  changeOneNumber,
  changeOneWord,
  generateUnit,
  unrelatedSentence,
} from './tm/generateUnits.ts'
import { writeGeneratedUnits } from './tm/writeGeneratedUnits.ts'
import { watchEventLoop } from './eventLoop/watchEventLoop.ts'

const UNITS = Number(process.env.MATCH_UNITS ?? 100_000)
const LOOKUPS = 500

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (value: number) => Math.round(value * 100) / 100

const dir = await makeTempDir('qalam-bench-matches-')
const store = openSqliteTranslationMemoryStore(join(dir.path, 'tm.sqlite'))
const memory = await store.createMemory('bench-project', 'Bench memory')
await writeGeneratedUnits(store, memory.id, UNITS)

const lookup = new MatchLookup(store)
const query = (source: string, targetLang: string) => ({
  memoryIds: [memory.id],
  sourceLang: 'ru',
  targetLang,
  source,
  prev: '',
  next: '',
  limit: 9,
  minScore: 0.5,
})

// The longest the event loop waited while the index was built.
const watch = watchEventLoop()
let started = performance.now()
await lookup.lookup(query(generateUnit(0).source, 'kk'))
const firstLookupMs = performance.now() - started
const longestStallMs = watch.stop()

const random = seededRandom(2027)
const times: number[] = []
let found = 0
for (let i = 0; i < LOOKUPS; i++) {
  const unit = generateUnit(Math.floor(random() * UNITS))
  const source =
    i % 3 === 0
      ? changeOneWord(unit.source, random, false)
      : i % 3 === 1
        ? changeOneNumber(unit.source, random)
        : unrelatedSentence(i)
  started = performance.now()
  const matches = await lookup.lookup(query(source, unit.targetLang))
  times.push(performance.now() - started)
  if (matches.length > 0) found++
}

lookup.close()
await store.close()
await dir.remove()

console.log(
  JSON.stringify({
    units: UNITS,
    firstLookupMs: round(firstLookupMs),
    longestEventLoopStallDuringBuildMs: round(longestStallMs),
    lookups: LOOKUPS,
    withMatches: found,
    lookupMs: {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(Math.max(...times)),
    },
  }),
)
