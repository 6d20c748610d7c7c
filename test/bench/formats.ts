// `npm run bench -- formats`: issue 13's figures as a user meets them, through the built server
// (`npm run build` first): a generated 300-page DOCX (about 10,000 segments, with tables,
// footnotes and inline formatting) and a 10,000-unit XLIFF 2.0 file, each in a fresh server
// process: import (POST to the answer), every target filled over the sync socket, export
// (GET to the last byte) with the document open, and again from the store after a restart.
// Per step: wall ms, the server's CPU seconds, its RSS before and after and its peak (VmHWM).
// FORMATS_BENCH_CASES=docx,xliff20,html,md picks the cases (HTML and Markdown: 10,000
// paragraphs each); the default is docx,xliff20. Prints one JSON object.
import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { benchDocx } from './formats/docxFile.ts'
import { benchHtml, benchMarkdown, benchXliff20 } from './formats/benchFiles.ts'
import { runServerCase, type BenchCase } from './formats/serverCase.ts'

const encode = (text: string) => new TextEncoder().encode(text)

const CASES: Record<string, () => BenchCase> = {
  docx: () => ({
    fileName: 'bench.docx',
    bytes: benchDocx().bytes,
    sourceLang: 'en',
    targetLang: 'ar',
    exportFormat: 'docx',
  }),
  xliff20: () => ({
    fileName: 'bench.xlf',
    bytes: encode(benchXliff20()),
    sourceLang: 'ru',
    targetLang: 'kk',
    exportFormat: 'xliff20',
  }),
  html: () => ({
    fileName: 'bench.html',
    bytes: encode(benchHtml()),
    sourceLang: 'ru',
    targetLang: 'kk',
    exportFormat: 'html',
  }),
  md: () => ({
    fileName: 'bench.md',
    bytes: encode(benchMarkdown()),
    sourceLang: 'ru',
    targetLang: 'kk',
    exportFormat: 'md',
  }),
}

const bundle = fileURLToPath(new URL('../../server/dist/main.mjs', import.meta.url))
if (!existsSync(bundle)) {
  console.error('server/dist/main.mjs is missing: run `npm run build` first')
  process.exit(2)
}
const names = (process.env.FORMATS_BENCH_CASES ?? 'docx,xliff20').split(',')
const unknown = names.filter((name) => !(name in CASES))
if (unknown.length > 0) {
  console.error(`unknown cases: ${unknown.join(', ')} (known: ${Object.keys(CASES).join(', ')})`)
  process.exit(2)
}
const load = () => loadavg()[0]!.toFixed(1)
const results: Record<string, unknown> = {
  cores: availableParallelism(),
  loadAverageAtStart: load(),
}
for (const name of names) results[name] = await runServerCase(CASES[name]!())
results.loadAverageAtEnd = load()
console.log(JSON.stringify(results, null, 2))
