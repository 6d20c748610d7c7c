import type { TokenKind } from './tokenize.ts'

// Costs in tenths of a word, so that distances stay integers. A word costs 10 to insert, delete
// or replace; a placeable far less, since the translator copies it or the tool fills it in. Two
// words with one stem (кітабы, кітаптар) differ by half a word: the translator changes an
// ending, not a word. Two numbers, two URLs or two tags differ by little more than their kind.

/** Kinds as small integers, for typed arrays. */
export const KIND_CODES: Record<TokenKind, number> = {
  word: 0,
  number: 1,
  url: 2,
  email: 3,
  tag: 4,
  punct: 5,
}

/** Cost of inserting or deleting a token of each kind code. */
export const WEIGHT_BY_KIND = Uint8Array.of(10, 5, 5, 5, 2, 2)

/** Cost of replacing a token by another of the same stem (or, for placeables, the same kind). */
export const SAME_STEM_COST_BY_KIND = Uint8Array.of(5, 2, 2, 2, 1, 1)
