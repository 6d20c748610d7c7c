/**
 * Anchor keys of both sides interned to ids, in compressed rows (one row per sentence), kept
 * only when they occur on both sides (a key one side never has cannot tell beads apart).
 * Each key weighs its inverse document frequency, so a number seen once on each side counts
 * far more than a word prefix seen in every sentence.
 */
export interface AnchorIndex {
  weights: Float64Array
  source: AnchorRows
  target: AnchorRows
}

export interface AnchorRows {
  /** Row r holds ids[offsets[r] .. offsets[r + 1]) with their repeat counts. */
  offsets: Int32Array
  ids: Int32Array
  counts: Int32Array
  /** Sum over the row of count · weight. */
  totals: Float64Array
}

/** Rows of interned ids, sorted, with repeats merged into counts; ids of other rows untouched. */
function internRows(rows: readonly (readonly string[])[], ids: Map<string, number>) {
  const offsets = new Int32Array(rows.length + 1)
  const flatIds: number[] = []
  const flatCounts: number[] = []
  rows.forEach((keys, row) => {
    const interned = keys.map((key) => {
      let id = ids.get(key)
      if (id === undefined) {
        id = ids.size
        ids.set(key, id)
      }
      return id
    })
    const sorted = Int32Array.from(interned).sort()
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) flatCounts[flatCounts.length - 1]!++
      else {
        flatIds.push(sorted[k]!)
        flatCounts.push(1)
      }
    }
    offsets[row + 1] = flatIds.length
  })
  return { offsets, ids: flatIds, counts: flatCounts }
}

function documentFrequency(rowIds: readonly number[], size: number): Int32Array {
  const frequency = new Int32Array(size)
  for (const id of rowIds) frequency[id]!++
  return frequency
}

export function buildAnchorIndex(
  sourceKeys: readonly (readonly string[])[],
  targetKeys: readonly (readonly string[])[],
): AnchorIndex {
  const ids = new Map<string, number>()
  const source = internRows(sourceKeys, ids)
  const target = internRows(targetKeys, ids)
  const inSource = documentFrequency(source.ids, ids.size)
  const inTarget = documentFrequency(target.ids, ids.size)
  const documents = sourceKeys.length + targetKeys.length
  const weights = new Float64Array(ids.size)
  for (let id = 0; id < ids.size; id++) {
    if (inSource[id]! > 0 && inTarget[id]! > 0)
      weights[id] = Math.log((documents + 1) / (inSource[id]! + inTarget[id]!))
  }
  return { weights, source: toRows(source, weights), target: toRows(target, weights) }
}

/** Drops ids of zero weight (keys only one side has) and sums each row's weight. */
function toRows(
  rows: { offsets: Int32Array; ids: number[]; counts: number[] },
  weights: Float64Array,
): AnchorRows {
  const count = rows.offsets.length - 1
  const offsets = new Int32Array(count + 1)
  const ids: number[] = []
  const counts: number[] = []
  const totals = new Float64Array(count)
  for (let row = 0; row < count; row++) {
    let total = 0
    for (let k = rows.offsets[row]!; k < rows.offsets[row + 1]!; k++) {
      const id = rows.ids[k]!
      if (weights[id] === 0) continue
      ids.push(id)
      counts.push(rows.counts[k]!)
      total += rows.counts[k]! * weights[id]!
    }
    totals[row] = total
    offsets[row + 1] = ids.length
  }
  return { offsets, ids: Int32Array.from(ids), counts: Int32Array.from(counts), totals }
}

function mergeRows(first: AnchorRows, second: AnchorRows, shift: number): AnchorRows {
  const count = first.totals.length
  const size = first.ids.length + second.ids.length
  const offsets = new Int32Array(count + 1)
  const ids = new Int32Array(size)
  const counts = new Int32Array(size)
  const totals = new Float64Array(count)
  let at = 0
  for (let row = 0; row < count; row++) {
    for (let k = first.offsets[row]!; k < first.offsets[row + 1]!; k++, at++) {
      ids[at] = first.ids[k]!
      counts[at] = first.counts[k]!
    }
    for (let k = second.offsets[row]!; k < second.offsets[row + 1]!; k++, at++) {
      ids[at] = second.ids[k]! + shift
      counts[at] = second.counts[k]!
    }
    totals[row] = first.totals[row]! + second.totals[row]!
    offsets[row + 1] = at
  }
  return { offsets, ids, counts, totals }
}

/** One index holding the keys of both (built over the same sentences); ids of `second` shift past `first`'s. */
export function mergeAnchorIndexes(first: AnchorIndex, second: AnchorIndex): AnchorIndex {
  const weights = new Float64Array(first.weights.length + second.weights.length)
  weights.set(first.weights)
  weights.set(second.weights, first.weights.length)
  const shift = first.weights.length
  return {
    weights,
    source: mergeRows(first.source, second.source, shift),
    target: mergeRows(first.target, second.target, shift),
  }
}
