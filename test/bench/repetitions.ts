// `npm run bench -- repetitions`: what finding a segment's repetitions costs on a 10,000-segment
// document (the generated Russian text, every tenth sentence repeated): marking the repeated rows
// when the workbench opens (every source folded once), the first offer after a Ctrl+Enter, the
// ones after (sources already folded), and one propagation to 100 repetitions. Medians of 7.
import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  findRepetitions,
  initDocument,
  propagateTranslation,
  readSegments,
  repeatedSegmentIds,
  setTargetText,
} from '@qalam/shared/model'
import { segmentText } from '@qalam/shared/segmentation'
import { generateDocument } from '../support/generateDocument.ts'

const SEGMENTS = 10_000
const RUNS = 7
const generated = segmentText(generateDocument(SEGMENTS), 'ru').map((segment) => segment.text)
const REPEATED = 'Опись фонда 12, дела 1–40.'
const sources = generated.map((text, index) => (index % 100 === 0 ? REPEATED : text))

function makeDoc(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    sources.map((source, paragraph) => ({ source, paragraph, before: '' })),
    SERVER_ORIGIN,
  )
  return doc
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (ms: number) => Math.round(ms * 10) / 10
const time = (work: () => void) => {
  const started = performance.now()
  work()
  return performance.now() - started
}

const marking: number[] = []
const firstOffer: number[] = []
const laterOffer: number[] = []
const propagation: number[] = []
let repeatedRows = 0
let offered = 0
for (let run = 0; run < RUNS; run++) {
  const doc = makeDoc()
  const first = readSegments(doc)[0]!.id
  // The first offer before anything is folded, as on a page that marks no rows.
  const fresh = makeDoc()
  const freshFirst = readSegments(fresh)[0]!.id
  firstOffer.push(time(() => findRepetitions(fresh, freshFirst)))
  marking.push(time(() => (repeatedRows = repeatedSegmentIds(doc).size)))
  setTargetText(doc, first, 'Қор тізімдемесі 12, 1–40 істер.', 'u1')
  laterOffer.push(
    time(() => (offered = findRepetitions(doc, first, { differingOnly: true }).length)),
  )
  const ids = findRepetitions(doc, first, { differingOnly: true })
  propagation.push(
    time(() => propagateTranslation(doc, first, ids, { kind: 'user', userId: 'u1' })),
  )
}
process.stdout.write(
  JSON.stringify(
    {
      segments: sources.length,
      repeatedRows,
      offered,
      markRowsMs: round(median(marking)),
      firstOfferMs: round(median(firstOffer)),
      laterOfferMs: round(median(laterOffer)),
      propagateMs: round(median(propagation)),
    },
    null,
    2,
  ) + '\n',
)
