/**
 * One segment of a text: `text === original.slice(start, end)`. Segments never overlap, come
 * in order, and what lies between them is whitespace only, so the original can always be
 * rebuilt exactly from the segments and the gaps.
 */
export interface TextSegment {
  text: string
  start: number
  end: number
  /** 0-based index of the paragraph (line block) the segment belongs to. */
  paragraph: number
}

/**
 * Why a position in a line is or is not a sentence boundary: the built-in rule that decided
 * (`end`, `abbreviation`, `lowercase-follows`…), the platform's Unicode rules (`unicode`), a
 * rule of an imported SRX file (`srx`) or a project's exception (`exception`).
 */
export interface BreakDecision {
  /** Offset in the line (or, from `explainSegmentation`, in the text) of the boundary. */
  at: number
  isBreak: boolean
  rule:
    | 'end'
    | 'list-item'
    | 'url'
    | 'brackets'
    | 'omission'
    | 'list-marker'
    | 'no-space'
    | 'lowercase-follows'
    | 'ellipsis-before-i'
    | 'abbreviation'
    | 'initial'
    | 'initialism'
    | 'ordinal'
    | 'pronoun-i'
    | 'unicode'
    | 'srx'
    | 'exception'
  /** The abbreviation (`Mr.`), or for SRX rules and exceptions the rule's name and number. */
  detail?: string
}
