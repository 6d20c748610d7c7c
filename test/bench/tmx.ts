// `npm run bench -- tmx [MB]`: generates a TMX file of about MB megabytes (default 100) on disk,
// streaming, then imports it into a fresh SQLite memory the way the server and the CLI do
// (streamed read, staged batches, one commit) and prints units per second, peak RSS and the
// RSS at each tenth of the file, so a trend that grows with the file shows as one.
import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { importTmx, openSqliteTranslationMemoryStore } from '../../server/tm/index.ts'
import { generateTmx } from '../support/generateTmx.ts'
import { makeTempDir } from '../support/tempDir.ts'

const MB = 1024 * 1024
const targetMb = Number(process.argv[3] ?? 100)
if (!Number.isFinite(targetMb) || targetMb <= 0) {
  console.error('usage: npm run bench -- tmx [MB]')
  process.exit(2)
}
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10

// About 520 bytes per generated unit (ru, kk, every fifth with ar, a fifth with inline codes).
const units = Math.ceil((targetMb * MB) / 520)
const dir = await makeTempDir('qalam-bench-tmx-')
try {
  const file = join(dir.path, 'large.tmx')
  const out = createWriteStream(file)
  for (const chunk of generateTmx(units)) if (!out.write(chunk)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
  const bytes = statSync(file).size

  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  const store = openSqliteTranslationMemoryStore(join(dir.path, 'qalam.sqlite'))
  const memory = await store.createMemory('bench', 'Bench')
  const trend: number[] = []
  let peak = rssBefore
  const started = performance.now()
  let commitStarted = 0
  const summary = await importTmx({
    store,
    memoryId: memory.id,
    input: createReadStream(file),
    sourceLang: 'ru',
    targetLang: 'kk',
    fallbackAuthor: 'bench',
    onProgress: ({ bytesRead }) => {
      const rss = process.memoryUsage().rss
      peak = Math.max(peak, rss)
      if (bytesRead >= ((trend.length + 1) * bytes) / 10) trend.push(mb(rss))
      if (bytesRead === bytes && commitStarted === 0) commitStarted = performance.now()
    },
  })
  const seconds = (performance.now() - started) / 1000
  await store.close()
  console.log(
    JSON.stringify({
      tmx_mb: mb(bytes),
      units: summary.unitsRead,
      added: summary.added,
      seconds: Math.round(seconds * 10) / 10,
      commit_seconds: Math.round((performance.now() - commitStarted) / 100) / 10,
      tmx_import_units_per_s: Math.round(summary.unitsRead / seconds),
      tmx_import_mb_per_s: Math.round((mb(bytes) / seconds) * 10) / 10,
      tmx_import_peak_rss_mb: mb(Math.max(peak, process.resourceUsage().maxRSS * 1024)),
      rss_before_import_mb: mb(rssBefore),
      rss_by_tenth_mb: trend,
      peak_buffered_units: summary.peakBufferedUnits,
    }),
  )
} finally {
  await dir.remove()
}
