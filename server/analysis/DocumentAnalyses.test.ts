import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { initDocument, SERVER_ORIGIN } from '@qalam/shared/model'
import { makeTempDir, type TempDir } from '../../test/support/tempDir.ts'
import { waitFor } from '../../test/support/waitFor.ts'
import { createJsonLogger } from '../logging/index.ts'
import {
  MatchLookup,
  openSqliteTranslationMemoryStore,
  type TranslationMemoryStore,
} from '../tm/index.ts'
import { unit } from '../tm/translationMemoryStoreSuite.ts'
import { ANALYSIS_JOBS, JobError, WorkerPool, type AnalysisJobs } from '../workers/index.ts'
import { analyzeDocument } from './analyzeDocument.ts'
import { readDocumentSources } from './bestMatches.ts'
import {
  AnalysisCancelledError,
  DocumentAnalyses,
  RUNNING_ANALYSES,
  type AnalysisRequest,
} from './DocumentAnalyses.ts'

/*
 * DocumentAnalyses with its real worker pool over a real SQLite memory: the worker opens the
 * memory itself and must give what the same pass gives on this thread, and a pass nobody
 * waits for any more stops.
 */

let dir: TempDir | null = null
let store: TranslationMemoryStore | null = null
let lookup: MatchLookup | null = null
let pool: WorkerPool<AnalysisJobs> | null = null

afterEach(async () => {
  await pool?.close()
  lookup?.close()
  await store?.close()
  await dir?.remove()
  pool = lookup = store = dir = null
})

const UNITS = 600
const sentence = (i: number, word = 'составлена') =>
  `Опись фонда номер ${i} ${word} в архиве города в ${1900 + (i % 100)} году.`

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

/** Exact, fuzzy, repeated and unmatched segments, `count` of them. */
function mixedDocument(count: number): Y.Doc {
  return documentOf(
    Array.from({ length: count }, (_, i) =>
      i % 4 === 0
        ? sentence(i % UNITS)
        : i % 4 === 1
          ? sentence(i % UNITS, 'переписана')
          : i % 4 === 2
            ? sentence((i - 2) % UNITS)
            : `Читальный зал ${i} закрыт.`,
    ),
  )
}

async function setUp(): Promise<{ analyses: DocumentAnalyses; memoryId: string }> {
  dir = await makeTempDir('qalam-analyses-')
  const file = join(dir.path, 'tm.sqlite')
  store = openSqliteTranslationMemoryStore(file)
  lookup = new MatchLookup(store)
  const memory = await store.createMemory('p1', 'Қор')
  await store.addUnits(
    memory.id,
    Array.from({ length: UNITS }, (_, i) => unit(sentence(i), `Қордың ${i} тізімдемесі жасалды.`)),
  )
  pool = new WorkerPool<AnalysisJobs>({
    jobs: ANALYSIS_JOBS,
    size: RUNNING_ANALYSES,
    maxQueued: 0,
    memoryLimitMb: 512,
    jobTimeoutMs: 300_000,
    idleTimeoutMs: 300_000,
    retryAfterSeconds: 1,
    log: createJsonLogger(() => {}),
  })
  const analyses = new DocumentAnalyses({
    lookup,
    pool,
    database: { engine: 'sqlite', file },
  })
  return { analyses, memoryId: memory.id }
}

const request = (
  documentId: string,
  memoryId: string,
  doc: Y.Doc,
  signal?: AbortSignal,
): AnalysisRequest => ({
  documentId,
  memoryIds: [memoryId],
  loadDocument: async () => readDocumentSources(doc),
  ...(signal && { signal }),
})

test('the report from the worker is the one the same pass gives on this thread', async () => {
  const { analyses, memoryId } = await setUp()
  const doc = mixedDocument(200)
  const inWorker = await analyses.analyze(request('d1', memoryId, doc))
  const here = await analyzeDocument({ doc, memoryIds: [memoryId], lookup: lookup! })
  expect(here.bands.exact.segments).toBeGreaterThan(0)
  expect(here.bands.repetition.segments).toBeGreaterThan(0)
  expect(inWorker).toEqual(here)
}, 120_000)

test('a pass whose cancel flag is raised stops in its worker between two segments', async () => {
  const { memoryId } = await setUp()
  const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const slot = pool!.admit()
  try {
    const running = slot.run('analyze', {
      database: { engine: 'sqlite', file: join(dir!.path, 'tm.sqlite') },
      document: readDocumentSources(mixedDocument(20_000)),
      memoryIds: [memoryId],
      cancel,
    })
    const settled = running.then(
      () => 'finished',
      (error: unknown) => error,
    )
    await waitFor(() => expect(slot.state()).toEqual({ phase: 'running' }))
    Atomics.store(new Int32Array(cancel), 0, 1)
    const outcome = await settled
    expect(outcome).toBeInstanceOf(JobError)
    expect((outcome as JobError).remote?.name).toBe('AnalysisCancelled')
  } finally {
    slot.release()
  }
}, 120_000)

test('callers who leave are told so, and the analyses queued behind them run', async () => {
  const { analyses, memoryId } = await setUp()
  const large = mixedDocument(20_000)
  const leaving = [new AbortController(), new AbortController()]
  const left = leaving.map((controller, i) =>
    analyses.analyze(request(`large${i}`, memoryId, large, controller.signal)).then(
      () => 'answered',
      (error: unknown) => error,
    ),
  )
  // Both slots taken: this one waits in the queue until one is given back.
  const queued = analyses.analyze(request('small', memoryId, mixedDocument(40)))
  await waitFor(() => expect(pool!.load).toBe(RUNNING_ANALYSES))
  for (const controller of leaving) controller.abort()
  for (const outcome of await Promise.all(left)) {
    expect(outcome).toBeInstanceOf(AnalysisCancelledError)
  }
  expect((await queued)?.total.segments).toBe(40)
}, 120_000)

test('one caller leaving does not stop the analysis another still waits for', async () => {
  const { analyses, memoryId } = await setUp()
  const doc = mixedDocument(400)
  const leaving = new AbortController()
  const first = analyses.analyze(request('d1', memoryId, doc, leaving.signal))
  const second = analyses.analyze(request('d1', memoryId, doc))
  leaving.abort()
  await expect(first).rejects.toBeInstanceOf(AnalysisCancelledError)
  expect((await second)?.total.segments).toBe(400)
}, 120_000)
