// `npm run bench -- glossary`: term recognition and TBX reading at a large institution's size.
// A glossary of 20,000 Russian entries (one to three words, generated from a stem list with
// Russian endings) recognised in 2,000 segments of 12–25 words, and the same glossary read
// back from TBX v2.
import { TermRecognizer, type GlossaryEntry } from '@qalam/shared/glossary'
import { readTbx, writeTbx } from '@qalam/shared/formats'
import { pickOne, seededRandom } from '../support/seededRandom.ts'

const random = seededRandom(10)
const pick = <T>(list: readonly T[]): T => pickOne(random, list)
const STEMS = Array.from({ length: 6000 }, (_, index) => {
  const letters = 'бвгджзклмнпрстфхцчшщ'
  const vowels = 'аеиоуыя'
  let stem = ''
  let n = index + 7
  for (let syllable = 0; syllable < 3; syllable++) {
    stem += letters[n % letters.length]! + vowels[Math.floor(n / 7) % vowels.length]!
    n = Math.floor(n / 5) + syllable * 13
  }
  return stem + letters[index % letters.length]!
})
const ENDINGS = ['', 'а', 'у', 'ом', 'ы', 'ов', 'ами', 'ах', 'е']

const entries: GlossaryEntry[] = Array.from({ length: 20_000 }, () => {
  const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(STEMS))
  return {
    terms: [
      { lang: 'ru', text: words.join(' '), status: 'preferred' as const },
      { lang: 'kk', text: words.map((word) => `${word}қ`).join(' '), status: 'preferred' as const },
    ],
  }
})
const segments = Array.from({ length: 2000 }, () =>
  Array.from({ length: 12 + Math.floor(random() * 14) }, () => pick(STEMS) + pick(ENDINGS)).join(
    ' ',
  ),
)

const buildStart = performance.now()
const recognizer = new TermRecognizer(
  entries.map((entry, id) => ({ id, entry })),
  'ru',
  'kk',
)
const buildMs = performance.now() - buildStart

const times: number[] = []
let hits = 0
for (const segment of segments) {
  const start = performance.now()
  hits += recognizer.find(segment).length
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!

const tbx = [...writeTbx(entries, { version: 2, sourceLang: 'ru' })].join('')
const readStart = performance.now()
const read = readTbx(tbx)
const readMs = performance.now() - readStart

const round = (value: number) => Math.round(value * 1000) / 1000
console.log(
  JSON.stringify({
    entries: entries.length,
    segments: segments.length,
    build_ms: round(buildMs),
    find_p50_ms: round(quantile(0.5)),
    find_p95_ms: round(quantile(0.95)),
    hits_per_segment: round(hits / segments.length),
    tbx_mb: round(tbx.length / 1e6),
    tbx_read_ms: round(readMs),
    tbx_entries_per_s: Math.round(read.length / (readMs / 1000)),
  }),
)
