/** Why a markup document (HTML, Markdown) cannot be read, or written back into its original. */
export type MarkupErrorCode =
  /** Elements nested deeper than a reader walks. */
  | 'too_deep'
  /** A single unit or attribute longer than a segment may be. */
  | 'too_long'
  /** The original's units and the document's segments disagree (export). */
  | 'mismatch'

export class MarkupError extends Error {
  override name = 'MarkupError'
  constructor(
    readonly code: MarkupErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** Longest text of one unit (characters): a paragraph longer than this is not prose. */
export const MAX_UNIT_CHARS = 1_000_000
/** Deepest element nesting a reader follows (a browser's limit is of the same order). */
export const MAX_MARKUP_DEPTH = 512
