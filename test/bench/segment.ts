// `npm run bench -- segment`: golden-case pass counts per language and throughput.
import { segmentText } from '@qalam/shared/segmentation'
import { GOLDEN_CASES } from '../../shared/segmentation/golden/index.ts'

const perLanguage: Record<string, { passed: number; total: number; segmentsPerSecond: number }> = {}
for (const [lang, cases] of Object.entries(GOLDEN_CASES)) {
  const passed = cases.filter(
    ({ text, segments }) =>
      JSON.stringify(segmentText(text, lang).map((segment) => segment.text)) ===
      JSON.stringify(segments),
  ).length
  // Throughput on a text of all the language's cases, one paragraph each, repeated 200 times.
  const text = cases.map(({ text }) => text.replace(/\n+/g, ' ')).join('\n')
  const big = Array.from({ length: 200 }, () => text).join('\n')
  const started = performance.now()
  let segments = 0
  for (let round = 0; round < 3; round++) segments += segmentText(big, lang).length
  const seconds = (performance.now() - started) / 1000
  perLanguage[lang] = {
    passed,
    total: cases.length,
    segmentsPerSecond: Math.round(segments / seconds),
  }
}
const passed = Object.values(perLanguage).reduce((sum, entry) => sum + entry.passed, 0)
const total = Object.values(perLanguage).reduce((sum, entry) => sum + entry.total, 0)
process.stdout.write(JSON.stringify({ golden: { passed, total }, perLanguage }) + '\n')
