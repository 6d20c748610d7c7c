// Child process of the align bench: aligns one generated document and reports its own time
// and memory, so the figures are this process's alone, not the parent's.
import { align, scoreAlignment } from '@qalam/shared/alignment'
import { generateDocument } from './generateDocument.ts'

const size = Number(process.argv[2] ?? 15000)
const document = generateDocument(size)
globalThis.gc?.()
const rssBefore = process.memoryUsage().rss
const started = performance.now()
const cpuBefore = process.cpuUsage()
const beads = align(document.source, document.target)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const peakRss = process.resourceUsage().maxRSS * 1024
const score = scoreAlignment(document.gold, beads)
process.stdout.write(
  JSON.stringify({
    sourceSentences: document.source.length,
    targetSentences: document.target.length,
    seconds,
    // CPU time of this process: wall time grows when other jobs share the machine.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMB: peakRss / 2 ** 20,
    rssBeforeAlignMB: rssBefore / 2 ** 20,
    alignRssGrowthMB: (peakRss - rssBefore) / 2 ** 20,
    strictF1: score.strict.f1,
    laxF1: score.lax.f1,
  }),
)
