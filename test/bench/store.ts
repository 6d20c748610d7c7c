// `npm run bench -- store`: what storing an update costs on each engine, the SQLite file and
// PostgreSQL (a schema of its own in TEST_DATABASE_URL's database, dropped after): one
// document, typing-sized updates (one character each, as the Lexical binding sends them)
// appended one after another (latency of each append, i.e. of the durable write the server
// waits for before broadcasting), then appended by 8 writers at once (throughput), then the
// document loaded back.
import * as Y from 'yjs'
import { openDatabase, type DatabaseLocation } from '../../server/database/index.ts'
import { stderrLogger } from '../../server/logging/index.ts'
import { createTestSchema, hasPostgres } from '../support/postgres.ts'
import { makeTempDir } from '../support/tempDir.ts'

const SEQUENTIAL = 2_000
const CONCURRENT = 2_000
const WRITERS = 8

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (ms: number) => Math.round(ms * 100) / 100

/** `count` one-character updates typed into one Y.XmlText (a target), in order. */
function typingUpdates(count: number): { initial: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const text = doc.get('target', Y.XmlText)
  const initial = Y.encodeStateAsUpdate(doc)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) text.insert(i, 'әғқңөұүһі'[i % 9]!)
  return { initial, updates }
}

async function measure(location: DatabaseLocation) {
  const database = await openDatabase(location, { log: stderrLogger, migrate: true })
  try {
    const { initial, updates } = typingUpdates(SEQUENTIAL + CONCURRENT)
    const progress = {
      segments: 0,
      words: 0,
      translatedWords: 0,
      approvedWords: 0,
      byStatus: { new: 0, draft: 0, translated: 0, approved: 0, rejected: 0 },
    }
    for (const id of ['bench', 'judged']) {
      await database.store.createDocument(
        { id, title: id, sourceLang: 'ru', targetLang: 'kk', createdAt: 1, updatedAt: 1, progress },
        initial,
      )
    }
    const latencies: number[] = []
    for (const update of updates.slice(0, SEQUENTIAL)) {
      const started = performance.now()
      await database.store.appendUpdate('bench', update)
      latencies.push(performance.now() - started)
    }
    const rest = updates.slice(SEQUENTIAL)
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < rest.length) await database.store.appendUpdate('bench', rest[next++]!)
      }),
    )
    const concurrentMs = performance.now() - started
    const loadStarted = performance.now()
    const loaded = await database.store.loadDocument('bench')
    const loadMs = performance.now() - loadStarted
    // What a room does: judge and append under the document's lock, reading the log's tail.
    // Sequentially the tail is empty; the 8 concurrent writers each track their own last
    // sequence number, as 8 processes would, so each reads what the others appended meanwhile.
    const judgedLatencies: number[] = []
    let lastSeq = 0
    for (const update of updates.slice(0, SEQUENTIAL)) {
      const judgedStarted = performance.now()
      const { seq } = await database.store.appendJudged('judged', lastSeq, (tail) => ({
        append: update,
        verdict: tail.lastSeq,
      }))
      lastSeq = seq!
      judgedLatencies.push(performance.now() - judgedStarted)
    }
    let judgedNext = 0
    const judgedStarted = performance.now()
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        let writerSeq = lastSeq
        while (judgedNext < rest.length) {
          const update = rest[judgedNext++]!
          const { seq } = await database.store.appendJudged('judged', writerSeq, () => ({
            append: update,
            verdict: null,
          }))
          writerSeq = seq!
        }
      }),
    )
    const judgedConcurrentMs = performance.now() - judgedStarted
    return {
      appendMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
      appendsPerSecondWith8Writers: Math.round(rest.length / (concurrentMs / 1000)),
      judgedAppendMs: {
        p50: round(percentile(judgedLatencies, 50)),
        p99: round(percentile(judgedLatencies, 99)),
      },
      judgedAppendsPerSecondWith8Writers: Math.round(rest.length / (judgedConcurrentMs / 1000)),
      loadMs: round(loadMs),
      loadedUpdates: loaded?.updates.length,
    }
  } finally {
    await database.close()
  }
}

const dir = await makeTempDir('qalam-bench-store-')
const figures: Record<string, unknown> = {
  updates: SEQUENTIAL + CONCURRENT,
  sqlite: await measure({ engine: 'sqlite', file: `${dir.path}/qalam.sqlite` }),
}
await dir.remove()
if (hasPostgres) {
  const schema = await createTestSchema('bench_store')
  try {
    figures.postgres = await measure({ engine: 'postgres', url: schema.url })
  } finally {
    await schema.drop()
  }
} else {
  figures.postgres = 'skipped: no PostgreSQL reachable'
}
process.stdout.write(JSON.stringify(figures, null, 2) + '\n')
