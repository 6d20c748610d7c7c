/** A replacement of `text.slice(start, end)` by `insert`. */
export interface Splice {
  start: number
  end: number
  insert: string
}

/**
 * Applies non-overlapping splices to `text`; everything outside them is copied unchanged.
 * Splices may come in any order; two at the same position keep their given order.
 */
export function spliceText(text: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((splice, index) => ({ splice, index }))
    .sort((a, b) => a.splice.start - b.splice.start || a.index - b.index)
  let out = ''
  let at = 0
  for (const { splice } of ordered) {
    if (splice.start < at) throw new Error(`overlapping splices at ${splice.start}`)
    out += text.slice(at, splice.start) + splice.insert
    at = splice.end
  }
  return out + text.slice(at)
}
