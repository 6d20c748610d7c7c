import type { AnchorIndex, AnchorRows } from './anchorIndex.ts'
import { BEAD_PRIOR_COST, BEAD_SOURCE, BEAD_TARGET } from './beadTypes.ts'
import { lengthCost } from './lengthCost.ts'

/** Everything the dynamic programme needs, as flat numbers. */
export interface SearchInput {
  sourceChars: Int32Array
  targetChars: Int32Array
  /** Mean target characters per source character. */
  ratio: number
  variance: number
  anchors: AnchorIndex | null
  /** Cost removed per unit of anchor weight two sides share, and added per unit left unmatched. */
  anchorGain: number
  anchorMiss: number
  /**
   * Cost of sentences left without a counterpart (1-0 and 0-1 beads), whatever their length:
   * `open` for the first of a run, `extend` for each further one, so that a long untranslated
   * stretch is one gap rather than a chain of wrong pairs. Null scores such a bead by length as
   * Gale & Church did, which makes a long untranslated sentence dearer than a wrong merge.
   */
  skip: { open: number; extend: number } | null
  /** 1 where a sentence opens a paragraph; null when paragraphs are not to be used. */
  paragraphStarts: { source: Uint8Array; target: Uint8Array } | null
  /**
   * Score merged beads by summed pairwise shared weight instead of the exact multiset
   * intersection: faster, slightly optimistic about merges. Set on coarse levels and first passes.
   */
  isApproximate?: boolean
}

/** A bead as the search found it: source [i0, i1) with target [j0, j1). */
export interface FoundBead {
  i0: number
  i1: number
  j0: number
  j1: number
  cost: number
}

const PARAGRAPH_CROSSING_COST = 8
const PARAGRAPH_MATCH_BONUS = 1.5
const PARAGRAPH_MISMATCH_COST = 0.75

/** Cells searched in each row i: j in [lo[i], hi[i]], stored from rowStart[i] on. */
interface Band {
  lo: Int32Array
  hi: Int32Array
  rowStart: Int32Array
}

/** A band `halfWidth` wide on each side of a monotone path given as corner points. */
function bandAround(
  path: readonly [number, number][],
  n: number,
  m: number,
  halfWidth: number,
): Band {
  const low = new Float64Array(n + 1).fill(Infinity)
  const high = new Float64Array(n + 1).fill(-Infinity)
  for (let k = 1; k < path.length; k++) {
    const [x0, y0] = path[k - 1]!
    const [x1, y1] = path[k]!
    for (let i = x0; i <= x1; i++) {
      const from = x1 === x0 ? y0 : y0 + ((y1 - y0) * (i - x0)) / (x1 - x0)
      const to = x1 === x0 ? y1 : from
      low[i] = Math.min(low[i]!, Math.floor(from))
      high[i] = Math.max(high[i]!, Math.ceil(to))
    }
  }
  const lo = new Int32Array(n + 1)
  const hi = new Int32Array(n + 1)
  const rowStart = new Int32Array(n + 2)
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, low[i]! - halfWidth)
    hi[i] = Math.min(m, high[i]! + halfWidth)
    rowStart[i + 1] = rowStart[i]! + hi[i]! - lo[i]! + 1
  }
  return { lo, hi, rowStart }
}

function prefixSums(values: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(values.length + 1)
  for (let k = 0; k < values.length; k++) sums[k + 1] = sums[k]! + values[k]!
  return sums
}

/** Shared anchor weight of every source/target sentence pair inside the band. */
function sharedWeights(anchors: AnchorIndex, band: Band, n: number): Float32Array {
  const shared = new Float32Array(band.rowStart[n]!)
  const { source, target, weights } = anchors
  const countOf = new Int32Array(weights.length)
  for (let i = 0; i < n; i++) {
    const start = source.offsets[i]!
    const end = source.offsets[i + 1]!
    if (start === end) continue
    for (let k = start; k < end; k++) countOf[source.ids[k]!]! += source.counts[k]!
    const lo = band.lo[i]!
    const hi = Math.min(band.hi[i]!, target.totals.length - 1)
    for (let j = lo; j <= hi; j++) {
      let sum = 0
      for (let k = target.offsets[j]!; k < target.offsets[j + 1]!; k++) {
        const id = target.ids[k]!
        const inSource = countOf[id]!
        if (inSource > 0) sum += Math.min(inSource, target.counts[k]!) * weights[id]!
      }
      shared[band.rowStart[i]! + j - lo] = sum
    }
    for (let k = start; k < end; k++) countOf[source.ids[k]!] = 0
  }
  return shared
}

const scratchSource = { counts: new Int32Array(0) }
const scratchTarget = { counts: new Int32Array(0) }

/** Weighted multiset intersection of the anchors of source [i0, i1) and target [j0, j1). */
function exactShared(anchors: AnchorIndex, i0: number, i1: number, j0: number, j1: number): number {
  const { source, target, weights } = anchors
  if (scratchSource.counts.length < weights.length) {
    scratchSource.counts = new Int32Array(weights.length)
    scratchTarget.counts = new Int32Array(weights.length)
  }
  const sc = scratchSource.counts
  const tc = scratchTarget.counts
  for (let k = source.offsets[i0]!; k < source.offsets[i1]!; k++)
    sc[source.ids[k]!]! += source.counts[k]!
  let both = 0
  for (let k = target.offsets[j0]!; k < target.offsets[j1]!; k++) {
    const id = target.ids[k]!
    const inSource = sc[id]!
    if (inSource === 0) continue
    const before = tc[id]!
    const after = before + target.counts[k]!
    tc[id] = after
    both += (Math.min(inSource, after) - Math.min(inSource, before)) * weights[id]!
  }
  for (let k = source.offsets[i0]!; k < source.offsets[i1]!; k++) sc[source.ids[k]!] = 0
  for (let k = target.offsets[j0]!; k < target.offsets[j1]!; k++) tc[target.ids[k]!] = 0
  return both
}

function searchInBand(input: SearchInput, band: Band): FoundBead[] {
  const n = input.sourceChars.length
  const m = input.targetChars.length
  const { rowStart, lo, hi } = band
  const sourceLength = prefixSums(input.sourceChars)
  const targetLength = prefixSums(input.targetChars)
  const anchors = input.anchors
  const shared = anchors ? sharedWeights(anchors, band, n) : null
  const sourceTotal = prefixSums(anchors ? anchors.source.totals : new Float64Array(n))
  const targetTotal = prefixSums(anchors ? anchors.target.totals : new Float64Array(m))
  const paragraphs = input.paragraphStarts
  const { ratio, variance, anchorGain, anchorMiss, skip } = input

  const cells = rowStart[n + 1]!
  // Three states per cell (Gotoh's affine gaps): the path's last bead paired sentences (0),
  // left a source sentence out (1), or a target sentence (2). Skips only open or extend a gap
  // in states 1 and 2; with `skip` null every bead goes through state 0 as Gale & Church had it.
  const cost = [0, 1, 2].map(() => new Float64Array(cells).fill(Infinity))
  const back = [0, 1, 2].map(() => new Uint8Array(cells))
  cost[0]![0] = 0 // (0, 0) is always inside the band, at offset 0.
  const open = skip?.open ?? 0
  const extend = skip?.extend ?? 0
  const bestAt = (at: number) => {
    const [a, b, c] = [cost[0]![at]!, cost[1]![at]!, cost[2]![at]!]
    return a <= b && a <= c ? 0 : b <= c ? 1 : 2
  }

  // `budget`: the caller only cares about costs below it, so the exact anchor intersection,
  // the expensive part, is skipped when even a perfect match could not get under it.
  const beadCost = (
    i0: number,
    j0: number,
    i1: number,
    j1: number,
    type: number,
    budget = Infinity,
  ): number => {
    // A skip's own cost (open or extend) is added by the search, which knows the run it is in.
    let total =
      skip !== null && (i1 === i0 || j1 === j0)
        ? 0
        : BEAD_PRIOR_COST[type]! +
          lengthCost(
            sourceLength[i1]! - sourceLength[i0]!,
            targetLength[j1]! - targetLength[j0]!,
            ratio,
            variance,
          )
    if (shared) {
      let both = 0
      if (type === 0) {
        const rowLo = lo[i0]!
        if (j0 >= rowLo && j0 <= hi[i0]!) both = shared[rowStart[i0]! + j0 - rowLo]!
      }
      const sourceWeight = sourceTotal[i1]! - sourceTotal[i0]!
      const targetWeight = targetTotal[j1]! - targetTotal[j0]!
      if (type !== 0 && sourceWeight > 0 && targetWeight > 0) {
        // Summed pairwise weights bound the exact intersection from above (a repeated key
        // counts once per pair), so they decide alone when they are zero or cannot win.
        let pairwise = 0
        for (let a = i0; a < i1; a++) {
          const rowLo = lo[a]!
          for (let b = j0; b < j1; b++)
            if (b >= rowLo && b <= hi[a]!) pairwise += shared[rowStart[a]! + b - rowLo]!
        }
        const bound = Math.min(pairwise, sourceWeight, targetWeight)
        const bestCase =
          total + anchorMiss * (sourceWeight + targetWeight) - (anchorGain + anchorMiss) * 2 * bound
        if (bestCase >= budget) return bestCase
        // Coarse blocks are long: exact intersections there would dominate the run time, and
        // the overcount only blurs a path the next level refines.
        both =
          input.isApproximate || pairwise === 0 ? pairwise : exactShared(anchors!, i0, i1, j0, j1)
      }
      both = Math.min(both, sourceWeight, targetWeight)
      total += anchorMiss * (sourceWeight + targetWeight - 2 * both) - anchorGain * 2 * both
    }
    if (paragraphs) {
      for (let a = i0 + 1; a < i1; a++) if (paragraphs.source[a]) total += PARAGRAPH_CROSSING_COST
      for (let b = j0 + 1; b < j1; b++) if (paragraphs.target[b]) total += PARAGRAPH_CROSSING_COST
      if (i1 > i0 && j1 > j0) {
        const opensSource = paragraphs.source[i0] === 1
        const opensTarget = paragraphs.target[j0] === 1
        if (opensSource && opensTarget) total -= PARAGRAPH_MATCH_BONUS
        else if (opensSource !== opensTarget) total += PARAGRAPH_MISMATCH_COST
      }
    }
    return total
  }

  const [paired, sourceGap, targetGap] = cost as [Float64Array, Float64Array, Float64Array]
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!
    const rowHi = hi[i]!
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue
      const at = rowStart[i]! + j - rowLo
      let best = Infinity
      let bestMove = 0
      for (let type = 0; type < 8; type++) {
        const pi = i - BEAD_SOURCE[type]!
        const pj = j - BEAD_TARGET[type]!
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue
        const from = rowStart[pi]! + pj - lo[pi]!
        const isSkip = type === 1 || type === 2
        if (skip && isSkip) {
          // Gap states: the previous state decides between opening and extending.
          const gap = type === 1 ? sourceGap : targetGap
          let gapBest = Infinity
          let gapFrom = 0
          for (let state = 0; state < 3; state++) {
            const before = cost[state]![from]!
            if (before === Infinity) continue
            const candidate = before + (state === type ? extend : open)
            if (candidate < gapBest) {
              gapBest = candidate
              gapFrom = state
            }
          }
          if (gapBest === Infinity) continue
          gap[at] = gapBest + beadCost(pi, pj, i, j, type)
          back[type]![at] = gapFrom
          continue
        }
        const state = skip ? bestAt(from) : 0
        const before = cost[state]![from]!
        if (before === Infinity) continue
        const candidate = before + beadCost(pi, pj, i, j, type, best - before)
        if (candidate < best) {
          best = candidate
          bestMove = type * 3 + state
        }
      }
      paired[at] = best
      back[0]![at] = bestMove
    }
  }

  const beads: FoundBead[] = []
  let i = n
  let j = m
  let state = skip ? bestAt(rowStart[n]! + m - lo[n]!) : 0
  while (i > 0 || j > 0) {
    const at = rowStart[i]! + j - lo[i]!
    const move = back[state]![at]!
    const type = state === 0 ? Math.floor(move / 3) : state
    const previous = state === 0 ? move % 3 : move
    const pi = i - BEAD_SOURCE[type]!
    const pj = j - BEAD_TARGET[type]!
    const gapCost = state === 0 || !skip ? 0 : previous === state ? extend : open
    beads.push({ i0: pi, i1: i, j0: pj, j1: j, cost: gapCost + beadCost(pi, pj, i, j, type) })
    i = pi
    j = pj
    state = previous
  }
  return beads.reverse()
}

function touchesEdge(beads: readonly FoundBead[], band: Band, m: number, margin: number): boolean {
  for (const bead of beads) {
    const { i1: i, j1: j } = bead
    if (j - band.lo[i]! < margin && band.lo[i]! > 0) return true
    if (band.hi[i]! - j < margin && band.hi[i]! < m) return true
  }
  return false
}

// Coarse-to-fine as in Vecalign (Thompson & Koehn 2019): align blocks of BLOCK sentences,
// then search only a band around that path, recursively. Small inputs get the full matrix.
const BLOCK = 8
const FULL_SEARCH_LIMIT = 300

function coarsen(input: SearchInput): SearchInput {
  const blockSums = (chars: Int32Array) =>
    Int32Array.from({ length: Math.ceil(chars.length / BLOCK) }, (_, b) =>
      chars.subarray(b * BLOCK, (b + 1) * BLOCK).reduce((x, y) => x + y, 0),
    )
  const blockRows = (rows: AnchorRows, count: number): AnchorRows => {
    const blocks = Math.ceil(count / BLOCK)
    const offsets = Int32Array.from(
      { length: blocks + 1 },
      (_, b) => rows.offsets[Math.min(b * BLOCK, count)]!,
    )
    const totals = Float64Array.from({ length: blocks }, (_, b) =>
      rows.totals.subarray(b * BLOCK, (b + 1) * BLOCK).reduce((x, y) => x + y, 0),
    )
    return { offsets, ids: rows.ids, counts: rows.counts, totals }
  }
  const anchors = input.anchors
  return {
    ...input,
    sourceChars: blockSums(input.sourceChars),
    targetChars: blockSums(input.targetChars),
    anchors: anchors && {
      weights: anchors.weights,
      source: blockRows(anchors.source, input.sourceChars.length),
      target: blockRows(anchors.target, input.targetChars.length),
    },
    paragraphStarts: null,
    // A coarse 1-0 bead leaves a whole block without a counterpart.
    skip: input.skip && {
      open: input.skip.open + (BLOCK - 1) * input.skip.extend,
      extend: BLOCK * input.skip.extend,
    },
    isApproximate: true,
  }
}

/**
 * Best-scoring bead path from (0, 0) to (n, m). Large inputs are searched coarse-to-fine (or
 * around `guide`, the path of an earlier pass), in a
 * band that widens until the path stays clear of its edges, so time and memory grow with
 * (n + m) · band rather than n · m.
 */
export function searchBeads(input: SearchInput, guide?: readonly FoundBead[]): FoundBead[] {
  const n = input.sourceChars.length
  const m = input.targetChars.length
  if (Math.max(n, m) <= FULL_SEARCH_LIMIT) {
    return searchInBand(
      input,
      bandAround(
        [
          [0, 0],
          [n, 0],
        ],
        n,
        m,
        m,
      ),
    )
  }
  const path: [number, number][] = [[0, 0]]
  let halfWidth = 2 * BLOCK
  if (guide) {
    // A previous pass at full resolution: only its neighbourhood needs a second look.
    for (const bead of guide) path.push([bead.i1, bead.j1])
    halfWidth = BLOCK / 2
  } else {
    for (const bead of searchBeads(coarsen(input)))
      path.push([Math.min(n, bead.i1 * BLOCK), Math.min(m, bead.j1 * BLOCK)])
  }
  for (;;) {
    const band = bandAround(path, n, m, halfWidth)
    const beads = searchInBand(input, band)
    if (halfWidth >= Math.max(n, m) || !touchesEdge(beads, band, m, halfWidth / 4)) return beads
    halfWidth *= 2
  }
}

/**
 * Cost of the best path, cheaply: at full resolution for small inputs, on blocks of sentences
 * for large ones. Enough to compare settings such as the length ratio, not to align.
 */
export function roughPathCost(input: SearchInput): number {
  const n = input.sourceChars.length
  const m = input.targetChars.length
  const beads =
    Math.max(n, m) <= FULL_SEARCH_LIMIT ? searchBeads(input) : searchBeads(coarsen(input))
  return beads.reduce((total, bead) => total + bead.cost, 0)
}
