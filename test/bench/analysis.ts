// `npm run bench -- analysis`: the analysis of a 10,000-segment document (`ANALYSIS_SEGMENTS`)
// against a memory of 50,000 generated units (`ANALYSIS_UNITS`) in a real SQLite store, on the
// server path without HTTP, while a 1 ms timer measures the longest the event loop waited
// (what other requests would). Three runs, the worker's first so that the inline pass's garbage
// is not collected in their time: `workerCold`, through DocumentAnalyses in a fresh worker
// that opens the memory and builds its own index; `workerWarm`, the same again with the
// worker's index kept (the refresh button); `inline`, the pass on the event loop in slices as
// before the worker (the editor's index built first in this thread, `indexBuildMs`).
// Segments: a fifth exact units, a fifth one word changed, a fifth one number changed, a fifth
// repeats of earlier segments, the rest unrelated sentences.
import { join } from 'node:path'
import * as Y from 'yjs'
import { initDocument, SERVER_ORIGIN } from '@qalam/shared/model'
import {
  analyzeDocument,
  DocumentAnalyses,
  readDocumentSources,
  RUNNING_ANALYSES,
} from '../../server/analysis/index.ts'
import type { AnalysisReport } from '@qalam/shared/analysis'
import { createJsonLogger } from '../../server/logging/index.ts'
import { ANALYSIS_JOBS, WorkerPool, type AnalysisJobs } from '../../server/workers/index.ts'
import { MatchLookup, openSqliteTranslationMemoryStore } from '../../server/tm/index.ts'
import { makeTempDir } from '../support/tempDir.ts'
import { watchEventLoop } from './eventLoop/watchEventLoop.ts'
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
const file = join(dir.path, 'tm.sqlite')
const store = openSqliteTranslationMemoryStore(file)
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

/** The analysis's time and the event loop's longest wait while it ran. */
async function measured(analyze: () => Promise<AnalysisReport | undefined>) {
  const watch = watchEventLoop()
  const start = performance.now()
  const report = await analyze()
  const ms = performance.now() - start
  const longestStallMs = watch.stop()
  if (!report) throw new Error('no report')
  return {
    report,
    figures: {
      analysisMs: round(ms),
      perSegmentMs: round(ms / SEGMENTS),
      longestEventLoopStallMs: round(longestStallMs),
    },
  }
}

const bandsOf = (report: AnalysisReport) =>
  Object.fromEntries(Object.entries(report.bands).map(([band, totals]) => [band, totals.segments]))

const pool = new WorkerPool<AnalysisJobs>({
  jobs: ANALYSIS_JOBS,
  size: RUNNING_ANALYSES,
  maxQueued: 0,
  memoryLimitMb: 2048,
  jobTimeoutMs: 30 * 60_000,
  idleTimeoutMs: 30 * 60_000,
  retryAfterSeconds: 1,
  log: createJsonLogger(() => {}),
})
const analyses = new DocumentAnalyses({ lookup, pool, database: { engine: 'sqlite', file } })
const request = {
  documentId: 'bench',
  memoryIds: [memory.id],
  loadDocument: async () => readDocumentSources(doc),
  fresh: true,
}
// The floor: the longest wait with nothing running here, which on a loaded machine is the
// scheduler's doing, not this process's.
const idle = watchEventLoop()
await new Promise((resolve) => setTimeout(resolve, 10_000))
const idleStallMs = idle.stop()
const workerCold = await measured(() => analyses.analyze(request))
const workerWarm = await measured(() => analyses.analyze(request))
await pool.close()

// The editor's index, built in this thread for the inline pass (not timed in it).
const started = performance.now()
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
const inline = await measured(() => analyzeDocument({ doc, memoryIds: [memory.id], lookup }))

lookup.close()
await store.close()
await dir.remove()

const sameReport =
  JSON.stringify(inline.report) === JSON.stringify(workerCold.report) &&
  JSON.stringify(inline.report) === JSON.stringify(workerWarm.report)

console.log(
  JSON.stringify({
    units: UNITS,
    segments: SEGMENTS,
    words: inline.report.total.words,
    indexBuildMs: round(indexBuildMs),
    idleLongestEventLoopStallMs: round(idleStallMs),
    inline: inline.figures,
    workerCold: workerCold.figures,
    workerWarm: workerWarm.figures,
    sameReport,
    segmentsByBand: bandsOf(inline.report),
    loadAverage: (await import('node:os')).loadavg()[0],
  }),
)
