/**
 * How much one update, one segment and one document may hold. An honest translator stays far
 * below each; every one exists because a single peer could otherwise store megabytes per
 * second or make every later load of the document slow (issue 8).
 */
export interface ContentLimits {
  /**
   * Structs, list elements and delete ranges in one update, counted before it is decoded:
   * decoding and integrating 400,000 items stalls the room for seconds.
   */
  maxUpdateItems: number
  /** Characters of target text one segment may hold once the update is applied. */
  maxSegmentChars: number
  /** Lexical nodes (paragraphs, text nodes, line breaks) one segment's target may hold. */
  maxSegmentNodes: number
  /** Characters of target text the whole document may hold. */
  maxDocumentChars: number
}

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
  maxUpdateItems: 50_000,
  maxSegmentChars: 20_000,
  maxSegmentNodes: 2_000,
  maxDocumentChars: 5_000_000,
}

/** Longest value of one node property (`__style`, `__format`…); Lexical writes short ones. */
export const MAX_NODE_PROPERTY_CHARS = 1_000

/** Properties one Lexical node may carry; a paragraph syncs seven. */
export const MAX_NODE_PROPERTIES = 32

/**
 * Highest clock a struct may reach. One client id lives for one page load; 2^31 characters
 * typed in it is not a translator, and a GC of length 2^40 would make every later struct
 * of that client look already known.
 */
export const MAX_CLOCK = 2 ** 31
