// `npm run bench -- segment`: pass counts per language on the golden cases and, apart, on the
// independent set written from each language's conventions; throughput on the golden texts.
import {
  builtinSrx,
  readSrx,
  segmentText,
  writeSrx,
  type CustomRules,
} from '@qalam/shared/segmentation'
import {
  GOLDEN_CASES,
  INDEPENDENT_CASES,
  type GoldenCase,
} from '../../shared/segmentation/golden/index.ts'

const passes = (lang: string, { text, segments }: GoldenCase, custom?: CustomRules) =>
  JSON.stringify(segmentText(text, lang, custom).map((segment) => segment.text)) ===
  JSON.stringify(segments)

function score(set: Record<string, GoldenCase[]>, custom?: CustomRules) {
  const perLanguage: Record<string, { passed: number; total: number }> = {}
  for (const [lang, cases] of Object.entries(set)) {
    perLanguage[lang] = {
      passed: cases.filter((golden) => passes(lang, golden, custom)).length,
      total: cases.length,
    }
  }
  const entries = Object.values(perLanguage)
  const passed = entries.reduce((sum, entry) => sum + entry.passed, 0)
  const total = entries.reduce((sum, entry) => sum + entry.total, 0)
  return { passed, total, perLanguage }
}

// Throughput on a text of all the language's cases, one paragraph each, repeated 200 times.
const segmentsPerSecond: Record<string, number> = {}
for (const [lang, cases] of Object.entries(GOLDEN_CASES)) {
  const text = cases.map(({ text }) => text.replace(/\n+/g, ' ')).join('\n')
  const big = Array.from({ length: 200 }, () => text).join('\n')
  const started = performance.now()
  let segments = 0
  for (let round = 0; round < 3; round++) segments += segmentText(big, lang).length
  segmentsPerSecond[lang] = Math.round(segments / ((performance.now() - started) / 1000))
}
// The built-in rules exported as SRX and read back: what a project starting from the export gets.
const exported: CustomRules = { srx: readSrx(writeSrx(builtinSrx())), exceptions: [] }
const asSrx = (set: Record<string, GoldenCase[]>) => {
  const { passed, total } = score(set, exported)
  return { passed, total }
}
process.stdout.write(
  JSON.stringify({
    golden: score(GOLDEN_CASES),
    independent: score(INDEPENDENT_CASES),
    builtinExportedAsSrx: { golden: asSrx(GOLDEN_CASES), independent: asSrx(INDEPENDENT_CASES) },
    segmentsPerSecond,
  }) + '\n',
)
