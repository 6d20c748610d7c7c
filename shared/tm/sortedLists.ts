// Posting lists are sorted ascending (slots are appended in order); these read them so.

/** First index in `list[0, length)` whose value is at least `value`. */
export function lowerBound(list: Uint32Array, length: number, value: number): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** The sorted union of two sorted lists, each value once: a linear merge, no sort. */
export function mergeSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let kept = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (kept === 0 || out[kept - 1] !== next) out[kept++] = next
  }
  return out.subarray(0, kept)
}

/** The values two sorted lists share, sorted. */
export function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let kept = 0
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      out[kept++] = a[i]!
      i++
      j++
    }
  }
  return out.subarray(0, kept)
}
