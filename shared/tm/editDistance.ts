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
let prefixWeights = new Int32Array(64)
/** Stands for a cell no alignment within the limit passes through; sums stay in an Int32. */
const OUT_OF_BAND = 0x3fffffff

/**
 * Weighted token edit distance between `a` and `b` (Levenshtein with the costs of
 * `tokenCost.ts`), or a number above `limit` as soon as the distance is known to exceed it.
 * Two rows of memory, reused between calls. With a limit, only a band of each row is computed:
 * every operation changes the weight consumed of `a` minus that of `b` by at most its cost, so
 * a cell whose prefixes (or suffixes) differ in weight by more than the limit, both together,
 * lies on no path within it. A long unit against a short query then costs its length, not the
 * product of both lengths.
 */
export function editDistance(a: CodedTokens, b: CodedTokens, limit = Infinity): number {
  const columns = b.length + 1
  if (previousRow.length < columns) {
    previousRow = new Int32Array(columns * 2)
    currentRow = new Int32Array(columns * 2)
    prefixWeights = new Int32Array(columns * 2)
  }
  const bWeight = prefixWeights
  bWeight[0] = 0
  for (let j = 1; j < columns; j++) bWeight[j] = bWeight[j - 1]! + WEIGHT_BY_KIND[b.kind[j - 1]!]!
  const totalB = bWeight[columns - 1]!
  const totalA = sequenceWeight(a)
  const difference = totalA - totalB
  if (Math.abs(difference) > limit) return Math.abs(difference)
  // A cell (i, j) is in the band when |x| + |difference − x| ≤ limit, x being the weight of
  // a's first i tokens minus that of b's first j: x within `slack` of [min(0, d), max(0, d)].
  const slack = Math.min((limit - Math.abs(difference)) / 2, totalA + totalB)
  const xLow = Math.min(0, difference) - slack
  const xHigh = Math.max(0, difference) + slack

  let previous = previousRow
  let current = currentRow
  let aWeight = 0
  // Band of row 0: b's prefixes with weight at most −xLow (x = 0 − weight ≥ xLow).
  let low = 0
  let high = 0
  while (high + 1 < columns && -bWeight[high + 1]! >= xLow) high++
  for (let j = 0; j <= high; j++) previous[j] = bWeight[j]!
  for (let i = 1; i <= a.length; i++) {
    const deleteCost = WEIGHT_BY_KIND[a.kind[i - 1]!]!
    aWeight += deleteCost
    const previousHigh = high
    // x = aWeight − bWeight[j] falls as j grows: the band is [first j with x ≤ xHigh, last with
    // x ≥ xLow], and both ends only move right from row to row.
    while (low < columns && aWeight - bWeight[low]! > xHigh) low++
    while (high + 1 < columns && aWeight - bWeight[high + 1]! >= xLow) high++
    if (low > high) return OUT_OF_BAND
    // Cells the previous row did not compute are out of its band.
    for (let j = previousHigh + 1; j <= high; j++) previous[j] = OUT_OF_BAND
    let rowMinimum = OUT_OF_BAND
    let j = low
    if (j === 0) {
      current[0] = previous[0]! + deleteCost
      rowMinimum = current[0]!
      j = 1
    } else {
      current[j - 1] = OUT_OF_BAND
    }
    for (; j <= high; j++) {
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
  return high === columns - 1 ? previous[columns - 1]! : OUT_OF_BAND
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
