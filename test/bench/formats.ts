// `npm run bench -- formats`: import and export of a generated 10,000-unit XLIFF 2.0 file (with
// inline codes, notes and originalData) through the server's own code paths: decode, parse,
// build the Y.Doc; fill every target; write back into the original and encode. Prints time
// and peak RSS (sampled) for each step. Then the same for a generated 300-page DOCX (about
// 10,000 segments, with tables, footnotes and inline formatting).
import * as Y from 'yjs'
import { initDocument, readSegments, setTargetTagged } from '@qalam/shared/model'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { exportXliff, readXliffFile } from '../../server/formats/index.ts'

const UNITS = 10_000

function generate(): string {
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

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
// CPU time beside wall time: on a machine shared with other jobs the wall clock mostly
// measures waiting for a core.
const measure = async <T>(
  run: () => T,
): Promise<{ ms: number; cpuMs: number; result: T; peakRssMb: number }> => {
  peak = process.memoryUsage().rss
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = run()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  const cpuMs = Math.round((used.user + used.system) / 1000)
  // Let the sampler see the end of the step.
  await new Promise((resolve) => setTimeout(resolve, 10))
  peak = Math.max(peak, process.memoryUsage().rss)
  return { ms: Math.round(ms), cpuMs, result, peakRssMb: Math.round(peak / 1e6) }
}

const bytes = new TextEncoder().encode(generate())
const imported = await measure(() => {
  const read = readXliffFile(bytes, 'xliff20', 'bench.xlf')
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    read.parsed.segments,
    { kind: 'server' },
  )
  return { doc, read, update: Y.encodeStateAsUpdate(doc) }
})
const { doc, read } = imported.result
for (const segment of readSegments(doc)) {
  setTargetTagged(doc, segment.id, { text: segment.source, tags: segment.sourceTags }, 'bench')
}
const exported = await measure(() => exportXliff(doc, 'xliff20', read.original))

clearInterval(sampler)

// DOCX in a process of its own: its peak RSS must not include the XLIFF run's.
const docxScript = fileURLToPath(new URL('./formats/measureDocx.ts', import.meta.url))
const docx: unknown = JSON.parse(
  execFileSync(process.execPath, [...process.execArgv, docxScript], { encoding: 'utf8' }),
)

console.log(
  JSON.stringify(
    {
      loadAverage: (await import('node:os')).loadavg()[0]!.toFixed(1),
      xliff20: {
        units: UNITS,
        fileMb: Number((bytes.length / 1e6).toFixed(1)),
        segments: read.parsed.segments.length,
        importMs: imported.ms,
        importCpuMs: imported.cpuMs,
        importPeakRssMb: imported.peakRssMb,
        storedDocMb: Number((imported.result.update.length / 1e6).toFixed(1)),
        exportMs: exported.ms,
        exportCpuMs: exported.cpuMs,
        exportPeakRssMb: exported.peakRssMb,
        exportedMb: Number((exported.result.bytes.length / 1e6).toFixed(1)),
      },
      docx,
    },
    null,
    2,
  ),
)
