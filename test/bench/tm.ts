// `npm run bench -- tm`: a translation memory of 1,000,000 generated units (Russian sources,
// Kazakh and Arabic targets; `TM_UNITS` to change), indexed in memory, then 1,000 fuzzy lookups
// (near-duplicates, one-word and one-number changes, unrelated sentences) checked against an
// exhaustive scan of every unit, and 200 concordance searches in sources and targets; then the
// TMX import bench in a process of its own (`TM_TMX_MB`, default 1024: the target is about a
// 1 GB file), so its peak RSS is the importer's alone.
import { execFile } from 'node:child_process'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import { findConcordance, TmIndex } from '@qalam/shared/tm'
import { seededRandom } from '../support/seededRandom.ts'
import {
  changeOneNumber,
  changeOneWord,
  generateUnit,
  unrelatedSentence,
} from './tm/generateUnits.ts'

const UNITS = Number(process.env.TM_UNITS ?? 1_000_000)
const QUERIES = 1000
const CONCORDANCE_QUERIES = 200
const LOOKUP = { limit: 5, minScore: 0.5 }

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
function usedBytes(): number {
  gc()
  gc()
  const memory = process.memoryUsage()
  return memory.heapUsed + memory.arrayBuffers
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

const before = usedBytes()
const index = new TmIndex('ru')
let started = performance.now()
for (let id = 0; id < UNITS; id++) {
  index.add(generateUnit(id))
  if ((id + 1) % 100_000 === 0) process.stderr.write(`indexed ${id + 1} units\n`)
}
const buildMs = performance.now() - started
const indexBytes = usedBytes() - before

const random = seededRandom(2026)
const queries: { kind: string; source: string }[] = []
for (let i = 0; i < QUERIES; i++) {
  const unit = generateUnit(Math.floor(random() * UNITS))
  const roll = i % 5
  if (roll === 0)
    queries.push({ kind: 'near-duplicate', source: changeOneWord(unit.source, random, true) })
  else if (roll === 1)
    queries.push({ kind: 'one-word', source: changeOneWord(unit.source, random, false) })
  else if (roll === 2)
    queries.push({ kind: 'one-number', source: changeOneNumber(unit.source, random) })
  else if (roll === 3) queries.push({ kind: 'exact', source: unit.source })
  else queries.push({ kind: 'unrelated', source: unrelatedSentence(i) })
}

const lookupMs: number[] = []
// CPU time as well as wall time: on a shared machine the wall-time tail is mostly waiting for a core.
const lookupCpuMs: number[] = []
let agreeing = 0
const disagreements: string[] = []
let scanMs = 0
for (const query of queries) {
  const cpu = process.cpuUsage()
  started = performance.now()
  const found = index.lookup(query.source, LOOKUP)
  lookupMs.push(performance.now() - started)
  const used = process.cpuUsage(cpu)
  lookupCpuMs.push((used.user + used.system) / 1000)
  started = performance.now()
  const expected = index.scan(query.source, LOOKUP)
  scanMs += performance.now() - started
  const same = Math.abs((found[0]?.score ?? 0) - (expected[0]?.score ?? 0)) < 1e-9
  if (lookupMs.length % 100 === 0) process.stderr.write(`${lookupMs.length} lookups\n`)
  if (same) agreeing++
  else if (disagreements.length < 5)
    disagreements.push(`${query.kind}: ${found[0]?.score} vs ${expected[0]?.score}`)
}

const concordanceMs: number[] = []
let concordanceHits = 0
for (let i = 0; i < CONCORDANCE_QUERIES; i++) {
  const unit = generateUnit(Math.floor(random() * UNITS))
  const side = i % 2 === 0 ? 'source' : 'target'
  const words = (side === 'source' ? unit.source : unit.target).replace(/[.,،]/g, '').split(' ')
  const at = Math.floor(random() * Math.max(1, words.length - 1))
  const query = words.slice(at, at + 1 + (i % 3 === 0 ? 1 : 0)).join(' ')
  started = performance.now()
  const hits = findConcordance(index, query, { side, limit: 20 }, generateUnit)
  concordanceMs.push(performance.now() - started)
  concordanceHits += hits.length
}

const load = os.loadavg()[0]!
const tmxMb = Number(process.env.TM_TMX_MB ?? 1024)
process.stderr.write(`importing a generated ${tmxMb} MB TMX file\n`)
const tmxBench = await promisify(execFile)(
  process.execPath,
  [
    '--import',
    'tsx',
    join(dirname(fileURLToPath(import.meta.url)), 'main.ts'),
    'tmx',
    String(tmxMb),
  ],
  { maxBuffer: 1024 * 1024 },
)
const tmx = JSON.parse(tmxBench.stdout) as Record<string, number>
process.stdout.write(
  JSON.stringify(
    {
      units: index.size,
      build_ms: Math.round(buildMs),
      index_mb: round(indexBytes / 1024 / 1024, 1),
      index_typed_arrays_mb: round(index.typedBytes / 1024 / 1024, 1),
      lookup_p50_ms: round(percentile(lookupMs, 50)),
      lookup_p95_ms: round(percentile(lookupMs, 95)),
      lookup_cpu_p50_ms: round(percentile(lookupCpuMs, 50)),
      lookup_cpu_p95_ms: round(percentile(lookupCpuMs, 95)),
      top1_agreement: round(agreeing / QUERIES, 4),
      concordance_p50_ms: round(percentile(concordanceMs, 50)),
      concordance_p95_ms: round(percentile(concordanceMs, 95)),
      concordance_hits_per_query: round(concordanceHits / CONCORDANCE_QUERIES, 1),
      exhaustive_scan_ms_per_query: round(scanMs / QUERIES, 1),
      tmx_import_mb: tmx.tmx_mb,
      tmx_import_units: tmx.units,
      tmx_import_units_per_s: tmx.tmx_import_units_per_s,
      tmx_import_peak_rss_mb: tmx.tmx_import_peak_rss_mb,
      load_average: round(load, 1),
      ...(disagreements.length > 0 ? { disagreements } : {}),
    },
    null,
    2,
  ) + '\n',
)
