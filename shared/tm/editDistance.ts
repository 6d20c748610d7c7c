import type { CodedTokens } from './codedTokens.ts'
import { SAME_STEM_COST_BY_KIND, WEIGHT_BY_KIND } from './tokenCost.ts'

/** Cost of replacing token `i` of `a` by token `j` of `b`, in tenths of a word. */
export function replaceCost(a: CodedTokens, i: number, b: CodedTokens, j: number): number {
  if (a.surface[i] === b.surface[j]) return 0
  const kindA = a.kind[i]!
  const kindB = b.kind[j]!
  if (kindA === kindB && a.stem[i] === b.stem[j] && a.stem[i]! >= 0) {
    return SAME_STEM_COST_BY_KIND[kindA]!
  }
  return Math.max(WEIGHT_BY_KIND[kindA]!, WEIGHT_BY_KIND[kindB]!)
}

/** Sum of the insertion costs of a sequence's tokens: what it weighs. */
export function sequenceWeight(tokens: CodedTokens): number {
  let weight = 0
  for (let i = 0; i < tokens.length; i++) weight += WEIGHT_BY_KIND[tokens.kind[i]!]!
  return weight
}

let previousRow = new Int32Array(64)
let currentRow = new Int32Array(64)

/**
 * Weighted token edit distance between `a` and `b` (Levenshtein with the costs of
 * `tokenCost.ts`), or a number above `limit` as soon as the distance is known to exceed it.
 * Two rows of memory, reused between calls.
 */
export function editDistance(a: CodedTokens, b: CodedTokens, limit = Infinity): number {
  const columns = b.length + 1
  if (previousRow.length < columns) {
    previousRow = new Int32Array(columns * 2)
    currentRow = new Int32Array(columns * 2)
  }
  let previous = previousRow
  let current = currentRow
  previous[0] = 0
  for (let j = 1; j < columns; j++) previous[j] = previous[j - 1]! + WEIGHT_BY_KIND[b.kind[j - 1]!]!
  for (let i = 1; i <= a.length; i++) {
    const deleteCost = WEIGHT_BY_KIND[a.kind[i - 1]!]!
    current[0] = previous[0]! + deleteCost
    let rowMinimum = current[0]!
    for (let j = 1; j < columns; j++) {
      const replaced = previous[j - 1]! + replaceCost(a, i - 1, b, j - 1)
      const deleted = previous[j]! + deleteCost
      const inserted = current[j - 1]! + WEIGHT_BY_KIND[b.kind[j - 1]!]!
      const best =
        replaced < deleted
          ? replaced < inserted
            ? replaced
            : inserted
          : deleted < inserted
            ? deleted
            : inserted
      current[j] = best
      if (best < rowMinimum) rowMinimum = best
    }
    if (rowMinimum > limit) return rowMinimum
    const swap = previous
    previous = current
    current = swap
  }
  return previous[columns - 1]!
}

/** One step of an alignment: `a` and `b` are token indices, -1 where the step has none. */
export interface AlignmentStep {
  op: 'equal' | 'replace' | 'insert' | 'delete'
  a: number
  b: number
}

/**
 * The cheapest alignment of `a` onto `b` (`insert` adds a token of `b`, `delete` drops one of
 * `a`), in order, with its distance. Keeps the whole table: for the few matches shown, not for
 * ranking a memory.
 */
export function alignTokens(
  a: CodedTokens,
  b: CodedTokens,
): { distance: number; steps: AlignmentStep[] } {
  const columns = b.length + 1
  const table = new Int32Array((a.length + 1) * columns)
  for (let j = 1; j < columns; j++) table[j] = table[j - 1]! + WEIGHT_BY_KIND[b.kind[j - 1]!]!
  for (let i = 1; i <= a.length; i++) {
    const deleteCost = WEIGHT_BY_KIND[a.kind[i - 1]!]!
    table[i * columns] = table[(i - 1) * columns]! + deleteCost
    for (let j = 1; j < columns; j++) {
      table[i * columns + j] = Math.min(
        table[(i - 1) * columns + j - 1]! + replaceCost(a, i - 1, b, j - 1),
        table[(i - 1) * columns + j]! + deleteCost,
        table[i * columns + j - 1]! + WEIGHT_BY_KIND[b.kind[j - 1]!]!,
      )
    }
  }
  const steps: AlignmentStep[] = []
  let i = a.length
  let j = b.length
  while (i > 0 || j > 0) {
    const here = table[i * columns + j]!
    if (i > 0 && j > 0) {
      const cost = replaceCost(a, i - 1, b, j - 1)
      if (here === table[(i - 1) * columns + j - 1]! + cost) {
        steps.push({ op: cost === 0 ? 'equal' : 'replace', a: i - 1, b: j - 1 })
        i--
        j--
        continue
      }
    }
    if (i > 0 && here === table[(i - 1) * columns + j]! + WEIGHT_BY_KIND[a.kind[i - 1]!]!) {
      steps.push({ op: 'delete', a: i - 1, b: -1 })
      i--
    } else {
      steps.push({ op: 'insert', a: -1, b: j - 1 })
      j--
    }
  }
  return { distance: table[a.length * columns + b.length]!, steps: steps.reverse() }
}

/** Match score in [0, 1] from a distance and the two weights: 1 − distance / heavier weight. */
export function scoreFromDistance(distance: number, weightA: number, weightB: number): number {
  const heavier = Math.max(weightA, weightB)
  return heavier === 0 ? 1 : Math.max(0, 1 - distance / heavier)
}
