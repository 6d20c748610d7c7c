// The alignment development sets: ru–kk and ru–ar written for this repository (test/fixtures/align),
// and the de–fr literary pair that may live outside it (only when ALIGN_DEV_DIR points at it).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseBead, type BeadIndices } from '@qalam/shared/alignment'

export interface AlignmentDevSet {
  pair: string
  sourceLang: string
  targetLang: string
  /** One sentence per line of the source and target files. */
  source: string[]
  target: string[]
  gold: BeadIndices[]
}

const FIXTURES = fileURLToPath(new URL('../fixtures/align/', import.meta.url))

const lines = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n')

function readGold(file: string): BeadIndices[] {
  return lines(file).map((line, index) => {
    const bead = parseBead(line)
    if (!bead) throw new Error(`${file}:${index + 1}: not a bead: ${line}`)
    return bead
  })
}

/** The Russian article and its partial Kazakh or Arabic translation, with gold beads. */
export function readFixtureDevSet(targetLang: 'kk' | 'ar'): AlignmentDevSet {
  return {
    pair: `ru-${targetLang}`,
    sourceLang: 'ru',
    targetLang,
    source: lines(join(FIXTURES, 'archives.ru')),
    target: lines(join(FIXTURES, `archives.${targetLang}`)),
    gold: readGold(join(FIXTURES, `archives.ru-${targetLang}.gold`)),
  }
}

/** The Text+Berg de–fr pair (dev.de, dev.fr, dev.gold), GPL, kept outside the repository. */
export function readDevSetFrom(directory: string): AlignmentDevSet {
  return {
    pair: 'de-fr',
    sourceLang: 'de',
    targetLang: 'fr',
    source: lines(join(directory, 'dev.de')),
    target: lines(join(directory, 'dev.fr')),
    gold: readGold(join(directory, 'dev.gold')),
  }
}
