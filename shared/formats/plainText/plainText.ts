import { segmentText, type CustomRules } from '../../segmentation/index.ts'
import type { SegmentInit } from '../../model/index.ts'

export interface ParsedPlainText {
  segments: SegmentInit[]
  /** Whitespace after the last segment. */
  trailing: string
}

/**
 * Splits a decoded text into segments (by a project's `custom` rules when given), keeping
 * every gap so that rebuilding is exact.
 */
export function parsePlainText(text: string, lang: string, custom?: CustomRules): ParsedPlainText {
  const found = segmentText(text, lang, custom)
  let cursor = 0
  const segments = found.map((segment) => {
    const init: SegmentInit = {
      source: segment.text,
      paragraph: segment.paragraph,
      before: text.slice(cursor, segment.start),
    }
    cursor = segment.end
    return init
  })
  return { segments, trailing: text.slice(cursor) }
}

/** A segment as the rebuild needs it: its gap, and the text to put in its place. */
export interface RebuildPiece {
  before: string
  text: string
}

/** Concatenates gaps and texts; with the sources as texts it returns the original exactly. */
export function rebuildPlainText(pieces: readonly RebuildPiece[], trailing: string): string {
  let out = ''
  for (const piece of pieces) out += piece.before + piece.text
  return out + trailing
}
