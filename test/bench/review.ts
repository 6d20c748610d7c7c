// `npm run bench -- review`: what a bilingual review table costs on a 10,000-segment document
// (the generated Russian text, every segment translated): writing the DOCX and the HTML table,
// reading an edited DOCX back (every tenth target changed), turning its rows into suggestions,
// and the text preview. Medians of 5; sizes in bytes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import * as Y from 'yjs'
import { SERVER_ORIGIN, initDocument, readMeta, readSegments } from '@qalam/shared/model'
import {
  readReviewDocx,
  renderTextPreview,
  reviewTableOf,
  writeReviewDocx,
  writeReviewHtml,
} from '@qalam/shared/formats'
import { segmentText } from '@qalam/shared/segmentation'
import { applyReviewRows } from '../../server/documents/index.ts'
import { generateDocument } from '../support/generateDocument.ts'

const SEGMENTS = 10_000
const RUNS = 5
const sources = segmentText(generateDocument(SEGMENTS), 'ru').map((segment) => segment.text)

function makeDoc(): Y.Doc {
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing: '' },
    sources.map((source, paragraph) => ({
      source,
      paragraph,
      before: '',
      target: `${source} (аударма)`,
      status: 'translated' as const,
    })),
    SERVER_ORIGIN,
  )
  return doc
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (ms: number) => Math.round(ms)
function time<T>(into: number[], work: () => T): T {
  const started = performance.now()
  const result = work()
  into.push(performance.now() - started)
  return result
}

const writeDocx: number[] = []
const writeHtml: number[] = []
const read: number[] = []
const apply: number[] = []
const preview: number[] = []
let docxBytes = 0
let htmlBytes = 0
let added = 0
for (let run = 0; run < RUNS; run++) {
  const doc = makeDoc()
  const table = reviewTableOf('bench', readMeta(doc), readSegments(doc), 0)
  const docx = time(writeDocx, () => writeReviewDocx(table, 'ru'))
  htmlBytes = time(writeHtml, () => writeReviewHtml(table, 'ru')).length
  docxBytes = docx.length
  // A reviewer's pass: every tenth translation gets a word more.
  const files = unzipSync(docx)
  let row = 0
  files['word/document.xml'] = strToU8(
    strFromU8(files['word/document.xml']!).replace(/ \(аударма\)</g, (match) =>
      row++ % 10 === 0 ? ' (түзетілген аударма)<' : match,
    ),
  )
  const edited = zipSync(files)
  const rows = time(read, () => readReviewDocx(edited))
  added = time(apply, () => applyReviewRows(doc, rows, 'u1', 0, SERVER_ORIGIN)).added
  time(preview, () =>
    renderTextPreview(
      'bench',
      'kk',
      readSegments(doc).map((segment) => segment.target),
    ),
  )
}

console.log(
  JSON.stringify({
    segments: SEGMENTS,
    runs: RUNS,
    docxBytes,
    htmlBytes,
    suggestionsAdded: added,
    writeDocxMs: round(median(writeDocx)),
    writeHtmlMs: round(median(writeHtml)),
    readEditedDocxMs: round(median(read)),
    applyRowsMs: round(median(apply)),
    textPreviewMs: round(median(preview)),
  }),
)
