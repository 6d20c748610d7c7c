/**
 * A token sequence as numbers, the form edit distance and the index work on: per token a
 * surface id (same id ⇔ same key), a stem id (same id ⇔ same stem) and a kind code. Ids of
 * tokens a vocabulary has never seen are negative and unique, so they equal nothing stored.
 */
export interface CodedTokens {
  surface: Int32Array
  stem: Int32Array
  kind: Uint8Array
  length: number
}

/** An empty sequence with room for `capacity` tokens, to be filled and reused. */
export function createCodedTokens(capacity: number): CodedTokens {
  return {
    surface: new Int32Array(capacity),
    stem: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    length: 0,
  }
}
