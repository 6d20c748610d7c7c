// `npm run bench -- analysis`: the analysis of a 10,000-segment document (`ANALYSIS_SEGMENTS`)
// against a memory of 50,000 generated units (`ANALYSIS_UNITS`) in a real SQLite store, on the
// server path without HTTP. The index is built first (one lookup); then the analysis runs while
// a 1 ms timer measures the longest the event loop waited, which is what other requests would.
// Segments: a fifth exact units, a fifth one word changed, a fifth one number changed, a fifth
// repeats of earlier segments, the rest unrelated sentences.
import { join } from 'node:path'
import * as Y from 'yjs'
import { initDocument, SERVER_ORIGIN } from '@qalam/shared/model'
import { analyzeDocument } from '../../server/analysis/index.ts'
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

const UNITS = Number(process.env.ANALYSIS_UNITS ?? 50_000)
const SEGMENTS = Number(process.env.ANALYSIS_SEGMENTS ?? 10_000)
const round = (value: number) => Math.round(value * 100) / 100

const dir = await makeTempDir('qalam-bench-analysis-')
const store = openSqliteTranslationMemoryStore(join(dir.path, 'tm.sqlite'))
const memory = await store.createMemory('bench-project', 'Bench memory')
await writeGeneratedUnits(store, memory.id, UNITS, 'kk')

const random = seededRandom(2028)
const sources: string[] = []
for (let i = 0; i < SEGMENTS; i++) {
  const unit = generateUnit(Math.floor(random() * UNITS))
  const kind = i % 5
  sources.push(
    kind === 0
      ? unit.source
      : kind === 1
        ? changeOneWord(unit.source, random, false)
        : kind === 2
          ? changeOneNumber(unit.source, random)
          : kind === 3 && i > 10
            ? sources[Math.floor(random() * (i - 1))]!
            : unrelatedSentence(i),
  )
}
const doc = new Y.Doc()
initDocument(
  doc,
  { title: 'Bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
  sources.map((source, paragraph) => ({ source, paragraph, before: paragraph === 0 ? '' : ' ' })),
  SERVER_ORIGIN,
)

const lookup = new MatchLookup(store)
let started = performance.now()
await lookup.lookup({
  memoryIds: [memory.id],
  sourceLang: 'ru',
  targetLang: 'kk',
  source: sources[0]!,
  prev: '',
  next: '',
  limit: 1,
  minScore: 0.5,
})
const indexBuildMs = performance.now() - started

let longestStallMs = 0
let last = performance.now()
const ticker = setInterval(() => {
  const now = performance.now()
  longestStallMs = Math.max(longestStallMs, now - last)
  last = now
}, 1)
started = performance.now()
const report = await analyzeDocument({ doc, memoryIds: [memory.id], lookup })
const analysisMs = performance.now() - started
clearInterval(ticker)

lookup.close()
await store.close()
await dir.remove()

console.log(
  JSON.stringify({
    units: UNITS,
    segments: SEGMENTS,
    words: report.total.words,
    indexBuildMs: round(indexBuildMs),
    analysisMs: round(analysisMs),
    perSegmentMs: round(analysisMs / SEGMENTS),
    longestEventLoopStallMs: round(longestStallMs),
    segmentsByBand: Object.fromEntries(
      Object.entries(report.bands).map(([band, totals]) => [band, totals.segments]),
    ),
    loadAverage: (await import('node:os')).loadavg()[0],
  }),
)
