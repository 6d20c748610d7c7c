// `npm run bench -- find`: what one search of the workbench's find costs on a 10,000-segment
// document (the generated Russian text, every target filled with a Kazakh sentence), first with
// an empty fold cache, as when the find bar opens, then with the texts already folded, as for
// each further keystroke. Medians of 7 runs per query.
import { segmentText } from '@qalam/shared/segmentation'
import { createFoldCache, findHits } from '../../client/find/findHits.ts'
import { generateDocument } from '../support/generateDocument.ts'

const SEGMENTS = 10_000
const RUNS = 7
const sources = segmentText(generateDocument(SEGMENTS), 'ru').map((segment) => segment.text)
const targets = sources.map((_, index) => `Ұлттық кітапхана ${index + 1} қолжазбаны цифрлады.`)
const segments = {
  count: sources.length,
  texts: (index: number) => ({ source: sources[index] ?? '', target: targets[index] ?? '' }),
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (ms: number) => Math.round(ms * 10) / 10

const queries: Record<string, { hits: number; coldMs: number; warmMs: number }> = {}
for (const query of ['рукописи', 'ҚОЛЖАЗБА', 'Наследие степи', 'нет такого']) {
  const cold: number[] = []
  const warm: number[] = []
  let hits = 0
  for (let run = 0; run < RUNS; run++) {
    const fold = createFoldCache()
    let started = performance.now()
    hits = findHits(segments, query, fold).length
    cold.push(performance.now() - started)
    started = performance.now()
    findHits(segments, query, fold)
    warm.push(performance.now() - started)
  }
  queries[query] = { hits, coldMs: round(median(cold)), warmMs: round(median(warm)) }
}
process.stdout.write(JSON.stringify({ segments: sources.length, queries }, null, 2) + '\n')
