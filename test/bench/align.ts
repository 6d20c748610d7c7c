// `npm run bench -- align`: strict/lax P/R/F1 on the development pair (full method and the
// Gale-Church length-only baseline, same search), and time and peak memory of a generated
// 15,000 x 15,000 document measured in a child process of its own.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { align, parseBead, scoreAlignment, type BeadIndices } from '@qalam/shared/alignment'

const here = dirname(fileURLToPath(import.meta.url))
const devDirectory = process.env.ALIGN_DEV_DIR ?? join(here, '../../../shared/data/align-dev')

const lines = (name: string) =>
  readFileSync(join(devDirectory, name), 'utf8').replace(/\n$/, '').split('\n')
const source = lines('dev.de')
const target = lines('dev.fr')
const gold = lines('dev.gold').map((line) => parseBead(line) as BeadIndices)

const round = (value: number) => Math.round(value * 1000) / 1000
function measure(method: 'full' | 'length') {
  const started = performance.now()
  const beads = align(source, target, { sourceLang: 'de', targetLang: 'fr', method })
  const milliseconds = performance.now() - started
  const score = scoreAlignment(gold, beads)
  const rounded = (part: typeof score.strict) => ({
    precision: round(part.precision),
    recall: round(part.recall),
    f1: round(part.f1),
  })
  return {
    strict: rounded(score.strict),
    lax: rounded(score.lax),
    milliseconds: Math.round(milliseconds),
  }
}

const large = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'align/largeRun.ts'), '15000'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  }),
) as Record<string, number>

process.stdout.write(
  JSON.stringify({
    dev: {
      pair: 'de-fr (Text+Berg, Bleualign dev)',
      sentences: { source: source.length, target: target.length, goldBeads: gold.length },
      full: measure('full'),
      galeChurch: measure('length'),
    },
    generated15k: Object.fromEntries(
      Object.entries(large).map(([key, value]) => [
        key,
        Number.isInteger(value) ? value : round(value),
      ]),
    ),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  }) + '\n',
)
