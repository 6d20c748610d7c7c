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
  const writer = spliceWriter(text)
  writer.add(splices)
  return writer.finish()
}

/** Splices given batch by batch, front to back, and the text they make once finished. */
export interface SpliceWriter {
  /** One batch, in any order within it; none may start before the end of an earlier one. */
  add(splices: readonly Splice[]): void
  /** The text with every batch applied. */
  finish(): string
}

/**
 * A writer of `text` with splices that come as the text is read (a unit at a time), so that a
 * large file's plan is never held whole: only pieces of the output are kept.
 */
export function spliceWriter(text: string): SpliceWriter {
  const pieces: string[] = []
  let at = 0
  return {
    add(splices) {
      const ordered = splices
        .map((splice, index) => ({ splice, index }))
        .sort((a, b) => a.splice.start - b.splice.start || a.index - b.index)
      for (const { splice } of ordered) {
        if (splice.start < at) throw new Error(`overlapping splices at ${splice.start}`)
        pieces.push(text.slice(at, splice.start), splice.insert)
        at = splice.end
      }
    },
    finish() {
      pieces.push(text.slice(at))
      return pieces.join('')
    },
  }
}
