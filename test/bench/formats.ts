// `npm run bench -- formats`: import and export of generated large files through the server's
// own code paths, each format in a process of its own (RSS is per process and never shrinks
// back): a 10,000-unit XLIFF 2.0 file (inline codes, notes, originalData), a 10,000-paragraph
// HTML page and Markdown text (inline markup, links, attributes), and a generated 300-page
// DOCX (about 10,000 segments, with tables, footnotes and inline formatting). Decode, parse,
// build the Y.Doc; fill every target; write back into the original and encode. Prints time and
// peak RSS (sampled) for each step. HTML and Markdown export as the server does, in a worker of
// the pool: from the live document (read on this thread, written in the worker), and from the
// stored document alone (replayed in the worker), the latter in a process of its own that never
// holds the Y.Doc, as a server exporting a document nobody has open.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { initDocument, readSegments, setTargetTagged, type SegmentInit } from '@qalam/shared/model'
import { DEFAULT_EXPORT_POLICY } from '@qalam/shared/export'
import { exportXliff, readMarkupFile, readXliffFile } from '../../server/formats/index.ts'
import { exportMarkupInSlot, type ExportSource } from '../../server/http/exportMarkupInSlot.ts'
import { stderrLogger } from '../../server/logging/index.ts'
import type { OriginalFile } from '../../server/storage/index.ts'
import { SERVER_JOBS, WorkerPool, type ServerJobs } from '../../server/workers/index.ts'

const UNITS = 10_000
const CASES = ['xliff20', 'html', 'md'] as const
type Case = (typeof CASES)[number]

function generateXliff(): string {
  const units: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    units.push(`    <unit id="u${i}">
      <notes><note>Карточка ${i} описи.</note></notes>
      <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>
      <segment id="s${i}">
        <source>Дело № ${i}: <pc id="1" dataRefStart="d1" dataRefEnd="d2">письма</pc> Абая к сыну,<ph id="2" dataRef="d3"/> ${1850 + (i % 50)} год.</source>
      </segment>
    </unit>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
  <file id="f1">
${units.join('\n')}
  </file>
</xliff>
`
}

function generateHtml(): string {
  const paragraphs: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    paragraphs.push(
      `    <p>Дело № ${i}: <b>письма</b> Абая к <a href="/d/${i}" title="Дело ${i}">сыну</a>,<br> ${1850 + (i % 50)} год. <img src="s${i}.png" alt="Печать ${i}"></p>`,
    )
  }
  return `<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>Опись</title></head>\n<body>\n${paragraphs.join('\n')}\n</body>\n</html>\n`
}

function generateMarkdown(): string {
  const paragraphs: string[] = []
  for (let i = 1; i <= UNITS; i++) {
    paragraphs.push(
      i % 10 === 0
        ? `## Раздел ${i / 10}`
        : `Дело № ${i}: **письма** Абая к [сыну](/d/${i} "Дело ${i}"), \`${i}\` ${1850 + (i % 50)} год.`,
    )
  }
  return `---\ntitle: Опись\n---\n\n${paragraphs.join('\n\n')}\n`
}

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
// CPU time beside wall time: on a machine shared with other jobs the wall clock mostly
// measures waiting for a core.
const measure = async <T>(
  run: () => T | Promise<T>,
): Promise<{ ms: number; cpuMs: number; result: T; peakRssMb: number; addedRssMb: number }> => {
  const before = process.memoryUsage().rss
  peak = before
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await run()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  const cpuMs = Math.round((used.user + used.system) / 1000)
  // Let the sampler see the end of the step.
  await new Promise((resolve) => setTimeout(resolve, 10))
  peak = Math.max(peak, process.memoryUsage().rss)
  const peakRssMb = Math.round(peak / 1e6)
  return {
    ms: Math.round(ms),
    cpuMs,
    result,
    peakRssMb,
    addedRssMb: peakRssMb - Math.round(before / 1e6),
  }
}

/** One worker, as the server's pool runs exports; booted before anything is measured. */
async function openPool(): Promise<WorkerPool<ServerJobs>> {
  const pool = new WorkerPool<ServerJobs>({
    jobs: SERVER_JOBS,
    size: 1,
    maxQueued: 0,
    memoryLimitMb: 4_096,
    jobTimeoutMs: 3_600_000,
    idleTimeoutMs: 3_600_000,
    retryAfterSeconds: 1,
    log: stderrLogger,
  })
  const preview = { bytes: new TextEncoder().encode('boot'), encoding: undefined }
  await inSlot(pool, (slot) =>
    slot.run('previewText', { ...preview, maxLines: 1, maxLineChars: 9 }),
  )
  return pool
}

async function inSlot<T>(
  pool: WorkerPool<ServerJobs>,
  work: (slot: ReturnType<WorkerPool<ServerJobs>['admit']>) => Promise<T>,
): Promise<T> {
  const slot = pool.admit()
  try {
    return await work(slot)
  } finally {
    slot.release()
  }
}

const exportInWorker = (
  pool: WorkerPool<ServerJobs>,
  source: ExportSource,
  original: OriginalFile,
) => inSlot(pool, (slot) => exportMarkupInSlot(slot, source, original, DEFAULT_EXPORT_POLICY))

function read(which: Case, bytes: Uint8Array): { segments: SegmentInit[]; original: OriginalFile } {
  if (which === 'xliff20') {
    const xliff = readXliffFile(bytes, 'xliff20', 'bench.xlf')
    return { segments: xliff.parsed.segments, original: xliff.original }
  }
  return readMarkupFile(bytes, which, `bench.${which}`, 'ru', undefined, undefined)
}

async function runCase(which: Case) {
  const text =
    which === 'xliff20' ? generateXliff() : which === 'html' ? generateHtml() : generateMarkdown()
  const bytes = new TextEncoder().encode(text)
  // Only what the server keeps after an import stays referenced: the doc and the original.
  const imported = await measure(() => {
    const file = read(which, bytes)
    const doc = new Y.Doc()
    initDocument(
      doc,
      { title: 'bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
      file.segments,
      { kind: 'server' },
    )
    return {
      doc,
      original: file.original,
      segments: file.segments.length,
      storedContent: Y.encodeStateAsUpdate(doc).length,
    }
  })
  const { doc, original } = imported.result
  for (const segment of readSegments(doc)) {
    setTargetTagged(doc, segment.id, { text: segment.source, tags: segment.sourceTags }, 'bench')
  }
  const importFigures = {
    units: UNITS,
    fileMb: Number((bytes.length / 1e6).toFixed(1)),
    segments: imported.result.segments,
    importMs: imported.ms,
    importCpuMs: imported.cpuMs,
    importPeakRssMb: imported.peakRssMb,
    storedDocMb: Number((imported.result.storedContent / 1e6).toFixed(1)),
  }
  if (which === 'xliff20') {
    const exported = await measure(() => exportXliff(doc, 'xliff20', original))
    clearInterval(sampler)
    return {
      ...importFigures,
      exportMs: exported.ms,
      exportCpuMs: exported.cpuMs,
      exportPeakRssMb: exported.peakRssMb,
      exportedMb: Number((exported.result.bytes.length / 1e6).toFixed(1)),
    }
  }
  const pool = await openPool()
  const exported = await measure(() => exportInWorker(pool, { live: doc }, original))
  // The stored export runs in a process that never builds the Y.Doc: what the store holds
  // (the document as one update, and the original) is all it is given.
  const folder = mkdtempSync(join(tmpdir(), 'qalam-bench-'))
  writeFileSync(join(folder, 'update'), Y.encodeStateAsUpdate(doc))
  writeFileSync(join(folder, 'original'), original.bytes)
  writeFileSync(join(folder, 'original.json'), JSON.stringify({ ...original, bytes: undefined }))
  await pool.close()
  clearInterval(sampler)
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, QALAM_BENCH_STORED: folder },
    encoding: 'utf8',
    maxBuffer: 1e7,
  })
  rmSync(folder, { recursive: true })
  if (child.status !== 0) throw new Error(`stored export failed: ${child.stderr}`)
  const storedExport = JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number>
  return {
    ...importFigures,
    rssBeforeExportMb: exported.peakRssMb - exported.addedRssMb,
    exportMs: exported.ms,
    exportCpuMs: exported.cpuMs,
    exportPeakRssMb: exported.peakRssMb,
    exportAddedRssMb: exported.addedRssMb,
    exportedMb: Number((exported.result.bytes.length / 1e6).toFixed(1)),
    storedExportMs: storedExport.ms,
    storedExportCpuMs: storedExport.cpuMs,
    storedExportPeakRssMb: storedExport.peakRssMb,
  }
}

/** The export of a document nobody has open: the stored update replayed in the worker. */
async function runStoredExport(folder: string) {
  const update = new Uint8Array(readFileSync(join(folder, 'update')))
  const meta = JSON.parse(readFileSync(join(folder, 'original.json'), 'utf8')) as OriginalFile
  const original = { ...meta, bytes: new Uint8Array(readFileSync(join(folder, 'original'))) }
  const pool = await openPool()
  const stored = { snapshot: update, updates: [], lastSeq: 0 }
  const exported = await measure(() => exportInWorker(pool, { stored }, original))
  await pool.close()
  clearInterval(sampler)
  // The kernel's high-water mark as well: the sampler may miss a short peak in the worker.
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1000)
  return {
    ms: exported.ms,
    cpuMs: exported.cpuMs,
    peakRssMb: Math.max(exported.peakRssMb, maxRssMb),
  }
}

const only = process.env.QALAM_BENCH_FORMAT as Case | undefined
const storedFolder = process.env.QALAM_BENCH_STORED
if (storedFolder !== undefined) {
  console.log(JSON.stringify(await runStoredExport(storedFolder)))
} else if (only !== undefined) {
  console.log(JSON.stringify(await runCase(only)))
} else {
  clearInterval(sampler)
  const results: Record<string, unknown> = {
    loadAverage: (await import('node:os')).loadavg()[0]!.toFixed(1),
  }
  for (const which of CASES) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url)],
      { env: { ...process.env, QALAM_BENCH_FORMAT: which }, encoding: 'utf8', maxBuffer: 1e7 },
    )
    if (child.status !== 0) throw new Error(`bench ${which} failed: ${child.stderr}`)
    results[which] = JSON.parse(child.stdout.trim().split('\n').pop()!) as unknown
  }
  const docxScript = fileURLToPath(new URL('./formats/measureDocx.ts', import.meta.url))
  results.docx = JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, docxScript], { encoding: 'utf8' }),
  ) as unknown
  console.log(JSON.stringify(results, null, 2))
}
