import { Utf8Chunks } from '../../text/index.ts'

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

/** Splices given batch by batch, front to back, and what they make once finished. */
export interface SpliceWriter<Output = string> {
  /** One batch, in any order within it; none may start before the end of an earlier one. */
  add(splices: readonly Splice[]): void
  /** The text with every batch applied, as the writer's output makes it. */
  finish(): Output
}

/** Where a splice writer puts the text it makes, piece by piece. */
export interface TextOutput<Output> {
  write(piece: string): void
  finish(): Output
}

/** The pieces kept, and joined into one string at the end. */
export function stringOutput(): TextOutput<string> {
  const pieces: string[] = []
  return {
    write: (piece) => pieces.push(piece),
    finish: () => pieces.join(''),
  }
}

/**
 * The pieces encoded as UTF-8 as they come (after `prefix`, a byte-order mark): a large file's
 * output is never held as strings, nor as one joined string (see `Utf8Chunks`).
 */
export function utf8Output(prefix: Uint8Array = new Uint8Array(0)): TextOutput<Uint8Array> {
  const bytes = new Utf8Chunks()
  bytes.appendBytes(prefix)
  return {
    write: (piece) => void bytes.append(piece),
    finish: () => bytes.take(),
  }
}

/**
 * A writer of `text` with splices that come as the text is read (a unit at a time), so that a
 * large file's plan is never held whole: each piece goes to `output` as soon as it is known.
 */
export function spliceWriter(text: string): SpliceWriter
export function spliceWriter<Output>(text: string, output: TextOutput<Output>): SpliceWriter<Output>
export function spliceWriter<Output>(
  text: string,
  output: TextOutput<Output | string> = stringOutput(),
): SpliceWriter<Output | string> {
  let at = 0
  return {
    add(splices) {
      const ordered = splices
        .map((splice, index) => ({ splice, index }))
        .sort((a, b) => a.splice.start - b.splice.start || a.index - b.index)
      for (const { splice } of ordered) {
        if (splice.start < at) throw new Error(`overlapping splices at ${splice.start}`)
        output.write(text.slice(at, splice.start))
        output.write(splice.insert)
        at = splice.end
      }
    },
    finish() {
      output.write(text.slice(at))
      return output.finish()
    },
  }
}
