// `npm run bench -- align`: strict/lax P/R/F1 and the share of n-m and 1-0/0-1 beads against the
// gold's, on the repository's ru-kk and ru-ar development sets (and the de-fr pair when
// ALIGN_DEV_DIR points at it), for the full method and the Gale-Church length-only baseline
// (same search); then time and peak memory of a generated 15,000 x 15,000 document measured in
// a child process of its own.
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { align, scoreAlignment, type BeadIndices } from '@qalam/shared/alignment'
import {
  readDevSetFrom,
  readFixtureDevSet,
  type AlignmentDevSet,
} from '../support/alignmentDevSets.ts'

const here = dirname(fileURLToPath(import.meta.url))
const round = (value: number) => Math.round(value * 1000) / 1000

/** How many beads pair several sentences with one or more (n-m), and how many are one-sided. */
function beadShares(beads: readonly BeadIndices[]) {
  const many = beads.filter(
    (b) => b.source.length > 0 && b.target.length > 0 && b.source.length + b.target.length > 2,
  ).length
  const oneSided = beads.filter((b) => b.source.length === 0 || b.target.length === 0).length
  return { nm: round(many / beads.length), oneSided: round(oneSided / beads.length) }
}

function measure(set: AlignmentDevSet, method: 'full' | 'length') {
  const started = performance.now()
  const beads = align(set.source, set.target, {
    sourceLang: set.sourceLang,
    targetLang: set.targetLang,
    method,
  })
  const milliseconds = performance.now() - started
  const score = scoreAlignment(set.gold, beads)
  const rounded = (part: typeof score.strict) => ({
    precision: round(part.precision),
    recall: round(part.recall),
    f1: round(part.f1),
  })
  return {
    strict: rounded(score.strict),
    lax: rounded(score.lax),
    shares: beadShares(beads),
    milliseconds: Math.round(milliseconds),
  }
}

function evaluate(set: AlignmentDevSet) {
  return {
    sentences: { source: set.source.length, target: set.target.length, goldBeads: set.gold.length },
    goldShares: beadShares(set.gold),
    full: measure(set, 'full'),
    galeChurch: measure(set, 'length'),
  }
}

const sets = [readFixtureDevSet('kk'), readFixtureDevSet('ar')]
const external = process.env.ALIGN_DEV_DIR
if (external) sets.push(readDevSetFrom(external))

const large = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'align/largeRun.ts'), '15000'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  }),
) as Record<string, number>

process.stdout.write(
  JSON.stringify({
    dev: Object.fromEntries(sets.map((set) => [set.pair, evaluate(set)])),
    generated15k: Object.fromEntries(
      Object.entries(large).map(([key, value]) => [
        key,
        Number.isInteger(value) ? value : round(value),
      ]),
    ),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  }) + '\n',
)
