import { foldForSearch, foldText } from '@qalam/shared/text'

/** Which text of a segment a hit is in. */
export type FindSide = 'source' | 'target'

/** One occurrence of the query: `start` and `end` are UTF-16 offsets in the segment's text. */
export interface FindHit {
  index: number
  side: FindSide
  start: number
  end: number
}

/** The texts find looks in, by document index. */
export interface SearchableSegments {
  count: number
  texts(index: number): { source: string; target: string } | undefined
}

/** Folds strings once each: a source never changes, and most targets do not between searches. */
export function createFoldCache(): (text: string) => string {
  const folded = new Map<string, string>()
  return (text) => {
    let value = folded.get(text)
    if (value === undefined) {
      value = foldText(text)
      folded.set(text, value)
    }
    return value
  }
}

/**
 * Every occurrence of `query` in `text`, compared folded (case, diacritics, harakat and tatweel
 * ignored), as offsets into `text` itself. Occurrences do not overlap.
 */
export function occurrences(text: string, query: string): { start: number; end: number }[] {
  const needle = foldText(query)
  if (needle.trim() === '') return []
  const folded = foldForSearch(text)
  const found: { start: number; end: number }[] = []
  for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at)) {
    const after = at + needle.length
    // The marks after the last matched letter belong to it: they end where the next letter starts.
    const end = after < folded.text.length ? folded.origins[after]! : text.length
    found.push({ start: folded.origins[at]!, end })
    at = after
  }
  return found
}

/**
 * Every hit of `query` in document order, source before target within a segment. Texts are
 * first compared folded through `fold` (cached), and only a segment that matches is folded
 * again with offsets, so a search of 10,000 segments costs one `indexOf` per text.
 */
export function findHits(
  segments: SearchableSegments,
  query: string,
  fold: (text: string) => string,
): FindHit[] {
  const needle = foldText(query)
  if (needle.trim() === '') return []
  const hits: FindHit[] = []
  for (let index = 0; index < segments.count; index++) {
    const texts = segments.texts(index)
    if (texts === undefined) continue
    for (const side of ['source', 'target'] as const) {
      const text = texts[side]
      if (!fold(text).includes(needle)) continue
      for (const { start, end } of occurrences(text, query)) hits.push({ index, side, start, end })
    }
  }
  return hits
}

/**
 * Where to start in `hits` from the active segment: the first hit in it or after it, as a
 * browser's find starts at the caret; the first hit when nothing is active or none follows.
 */
export function firstHitFrom(hits: readonly FindHit[], activeIndex: number | null): number {
  if (hits.length === 0) return -1
  if (activeIndex === null) return 0
  const at = hits.findIndex((hit) => hit.index >= activeIndex)
  return at < 0 ? 0 : at
}
