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
