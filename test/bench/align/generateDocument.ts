// A synthetic parallel document of any size with a known alignment, for timing the aligner
// on inputs far larger than the development pair. Seeded, so every run measures the same text.

import { pickOne, seededRandom } from '../../support/seededRandom.ts'

export interface GeneratedDocument {
  source: string[]
  target: string[]
  gold: { source: number[]; target: number[] }[]
}

const SYLLABLES = ['ka', 'ber', 'un', 'ge', 'stein', 'lo', 'mar', 'ti', 'sen', 'dor', 'ra', 'wi']

// Complementary shapes come in pairs so both sides end with exactly `size` sentences.
const SHAPE_PAIRS: [number, number, number][] = [
  [1, 2, 0.05],
  [1, 0, 0.015],
  [2, 2, 0.01],
  [1, 3, 0.005],
]

export function generateDocument(size: number, seed = 7): GeneratedDocument {
  const next = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => pickOne(next, items)
  const vocabulary = Array.from({ length: 5000 }, () => {
    let word = ''
    const syllables = 1 + Math.floor(next() * 4)
    for (let k = 0; k < syllables; k++) word += pick(SYLLABLES)
    return word
  })
  const translation = vocabulary.map((word) => word.replace(/a/g, 'ae').replace(/k/g, 'c') + 'e')
  const sentence = (words: number): [string, string] => {
    const source: string[] = []
    const target: string[] = []
    for (let k = 0; k < words; k++) {
      const roll = next()
      if (roll < 0.03) {
        const number = String(Math.floor(next() * 3000))
        source.push(number)
        target.push(number)
      } else if (roll < 0.06) {
        const name = pick(SYLLABLES).toUpperCase()[0] + pick(vocabulary)
        source.push(name)
        target.push(name)
      } else {
        const id = Math.floor(next() ** 2 * vocabulary.length)
        source.push(vocabulary[id]!)
        if (next() < 0.9) target.push(translation[id]!)
        if (next() < 0.1) target.push(pick(translation))
      }
    }
    const end = next() < 0.1 ? '?' : '.'
    return [source.join(' ') + end, target.join(' ') + end]
  }

  const shapes: [number, number][] = []
  let used = 0
  for (const [a, b, share] of SHAPE_PAIRS) {
    const count = Math.floor(size * share)
    for (let k = 0; k < count; k++) shapes.push([a, b], [b, a])
    used += count * (a + b)
  }
  while (used < size) {
    shapes.push([1, 1])
    used++
  }
  for (let k = shapes.length - 1; k > 0; k--) {
    const other = Math.floor(next() * (k + 1))
    ;[shapes[k], shapes[other]] = [shapes[other]!, shapes[k]!]
  }

  const document: GeneratedDocument = { source: [], target: [], gold: [] }
  for (const [sourceCount, targetCount] of shapes) {
    const texts = Array.from({ length: Math.max(sourceCount, targetCount) }, () =>
      sentence(4 + Math.floor(next() * 24)),
    )
    const bead = { source: [] as number[], target: [] as number[] }
    const sides = [
      { count: sourceCount, out: document.source, ids: bead.source, side: 0 },
      { count: targetCount, out: document.target, ids: bead.target, side: 1 },
    ] as const
    for (const { count, out, ids, side } of sides) {
      if (count === 0) continue
      // The side with fewer sentences says the same thing in fewer, longer sentences.
      const per = Math.ceil(texts.length / count)
      for (let k = 0; k < count; k++) {
        ids.push(out.length)
        out.push(
          texts
            .slice(k * per, (k + 1) * per)
            .map((text) => text[side])
            .join(' '),
        )
      }
    }
    document.gold.push(bead)
  }
  return document
}
