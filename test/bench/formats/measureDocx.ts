// The DOCX half of `npm run bench -- formats`, run in its own process so that its peak RSS is
// its own: import (open, parse, segment, build the Y.Doc) and export (write every target,
// Arabic, back into the original) of a generated 300-page document. Prints one JSON object.
import * as Y from 'yjs'
import { initDocument, readSegments, setTargetTagged } from '@qalam/shared/model'
import { exportDocx, readDocxFile } from '../../../server/formats/index.ts'
import { benchDocx } from './docxFile.ts'

const measure = <T>(run: () => T): { ms: number; cpuMs: number; result: T; peakRssMb: number } => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = run()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  // The resource usage's maxRSS is the process's high-water mark, sampled by the kernel.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1000)
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    result,
    peakRssMb,
  }
}

const file = benchDocx()
const parsed = measure(() => readDocxFile(file.bytes, 'bench.docx', { lang: 'en' }))
const imported = measure(() => {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'bench', sourceLang: 'en', targetLang: 'ar', createdAt: 0, trailing: '' },
    parsed.result.parsed.segments,
    { kind: 'server' },
  )
  return { doc, update: Y.encodeStateAsUpdate(doc) }
})
const { doc } = imported.result
for (const segment of readSegments(doc)) {
  const target = { text: segment.source.toUpperCase(), tags: segment.sourceTags }
  setTargetTagged(doc, segment.id, target, 'bench')
}
const exported = measure(() => exportDocx(doc, parsed.result.original))

console.log(
  JSON.stringify({
    pages: file.pages,
    fileMb: Number((file.bytes.length / 1e6).toFixed(2)),
    documentXmlMb: Number((file.documentXmlChars / 1e6).toFixed(1)),
    segments: parsed.result.parsed.segments.length,
    parseMs: parsed.ms,
    parseCpuMs: parsed.cpuMs,
    importMs: parsed.ms + imported.ms,
    importCpuMs: parsed.cpuMs + imported.cpuMs,
    importPeakRssMb: imported.peakRssMb,
    storedDocMb: Number((imported.result.update.length / 1e6).toFixed(1)),
    exportMs: exported.ms,
    exportCpuMs: exported.cpuMs,
    exportPeakRssMb: exported.peakRssMb,
    exportedMb: Number((exported.result.bytes.length / 1e6).toFixed(2)),
    targets: 'ar',
  }),
)
