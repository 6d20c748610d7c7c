/*
 * The review screen's state: the sentences of both texts and the pairs a person builds from
 * them. Every edit is a pure function that returns a new review, or null when it does not
 * apply, so that buttons can ask the same function whether to be enabled.
 */

export type Side = 'source' | 'target'
export type Direction = 'up' | 'down'

export const SIDES: readonly Side[] = ['source', 'target']

export interface SideText {
  sentences: string[]
  /** Paragraph index of each sentence. */
  paragraphs: number[]
  /** The file's whitespace before each sentence, so the document keeps the file's layout. */
  gaps: string[]
  /** The file's whitespace after the last sentence. */
  trailing: string
}

/** Consecutive sentences of each side, by index; one side may be empty, never both. */
export interface ReviewPair {
  source: number[]
  target: number[]
  /** The aligner's confidence; null once a person has changed the pair. */
  confidence: number | null
}

export interface Review {
  source: SideText
  target: SideText
  pairs: ReviewPair[]
}

/**
 * Names a pair within one review by its first sentence, which no other pair holds; the name
 * holds until an edit renumbers sentences, so a row keeps its place while rows above change.
 */
export function pairKey(pair: ReviewPair): string {
  return pair.source.length > 0 ? `s${pair.source[0]}` : `t${pair.target[0]}`
}

function edited(source: number[], target: number[]): ReviewPair {
  return { source, target, confidence: null }
}

function isEmpty(pair: ReviewPair): boolean {
  return pair.source.length === 0 && pair.target.length === 0
}

function replacePairs(
  review: Review,
  from: number,
  count: number,
  pairs: readonly ReviewPair[],
): Review {
  const next = [...review.pairs]
  next.splice(from, count, ...pairs.filter((pair) => !isEmpty(pair)))
  return { ...review, pairs: next }
}

/** Joins a pair with the one after it. */
export function mergeWithNext(review: Review, index: number): Review | null {
  const pair = review.pairs[index]
  const next = review.pairs[index + 1]
  if (!pair || !next) return null
  return replacePairs(review, index, 2, [
    edited([...pair.source, ...next.source], [...pair.target, ...next.target]),
  ])
}

/**
 * Splits one side of a pair before its `at`-th sentence: the sentences from there on become a
 * new pair below, and the other side stays in the upper pair.
 */
export function splitPair(review: Review, index: number, side: Side, at: number): Review | null {
  const pair = review.pairs[index]
  if (!pair || at < 1 || at >= pair[side].length) return null
  const head = pair[side].slice(0, at)
  const tail = pair[side].slice(at)
  const halves =
    side === 'source'
      ? [edited(head, pair.target), edited(tail, [])]
      : [edited(pair.source, head), edited([], tail)]
  return replacePairs(review, index, 1, halves)
}

/** Where a sentence may be cut: after a space, with text on both sides. */
export function isSplitPoint(sentence: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < sentence.length &&
    /\s/.test(sentence[offset - 1] ?? '') &&
    sentence.slice(0, offset).trim() !== '' &&
    sentence.slice(offset).trim() !== ''
  )
}

/** Cuts sentence `sentence` of a side in two at `offset`; later sentence indices move up by one. */
function splitSentence(review: Review, side: Side, sentence: number, offset: number): Review {
  const text = review[side].sentences[sentence] ?? ''
  const head = text.slice(0, offset).trimEnd()
  const tail = text.slice(offset).trimStart()
  const sentences = [...review[side].sentences]
  sentences.splice(sentence, 1, head, tail)
  const paragraphs = [...review[side].paragraphs]
  paragraphs.splice(sentence + 1, 0, paragraphs[sentence] ?? 0)
  // The spaces at the cut become the gap before the second half, so the file's text survives.
  const gaps = [...review[side].gaps]
  gaps.splice(sentence + 1, 0, text.slice(head.length, text.length - tail.length))
  const renumber = (k: number) => (k > sentence ? k + 1 : k)
  const pairs = review.pairs.map((pair) => {
    const indices = pair[side].flatMap((k) => (k === sentence ? [k, k + 1] : [renumber(k)]))
    return { ...pair, [side]: indices }
  })
  return { ...review, [side]: { ...review[side], sentences, paragraphs, gaps }, pairs }
}

/**
 * Splits a side of a pair at a point inside one of its sentences (for a sentence the
 * segmenter did not split): the sentence is cut there, then the pair is split between the
 * two halves as `splitPair` does.
 */
export function splitPairInSentence(
  review: Review,
  index: number,
  side: Side,
  sentence: number,
  offset: number,
): Review | null {
  const pair = review.pairs[index]
  const position = pair ? pair[side].indexOf(sentence) : -1
  const text = review[side].sentences[sentence]
  if (position < 0 || text === undefined || !isSplitPoint(text, offset)) return null
  return splitPair(splitSentence(review, side, sentence, offset), index, side, position + 1)
}

/**
 * Moves one sentence of a side to the neighbouring pair: `up` moves the first sentence to the
 * end of the pair above, `down` the last sentence to the start of the pair below. A pair left
 * with no sentence on either side disappears.
 */
export function shiftSentence(
  review: Review,
  index: number,
  side: Side,
  direction: Direction,
): Review | null {
  const pair = review.pairs[index]
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1
  const neighbour = review.pairs[neighbourIndex]
  if (!pair || !neighbour || pair[side].length === 0) return null
  const moved = direction === 'up' ? pair[side][0]! : pair[side][pair[side].length - 1]!
  const rest = direction === 'up' ? pair[side].slice(1) : pair[side].slice(0, -1)
  const received = direction === 'up' ? [...neighbour[side], moved] : [moved, ...neighbour[side]]
  const changedPair = { ...pair, [side]: rest, confidence: null }
  const changedNeighbour = { ...neighbour, [side]: received, confidence: null }
  const first = Math.min(index, neighbourIndex)
  return replacePairs(
    review,
    first,
    2,
    direction === 'up' ? [changedNeighbour, changedPair] : [changedPair, changedNeighbour],
  )
}

/**
 * Joins every pair without source text to the pair above it (to the pair below when it comes
 * first): extra target text such as captions then stays with its neighbour instead of
 * blocking the document, which needs source text in every segment.
 */
export function mergeSourcelessPairs(review: Review): Review | null {
  if (review.pairs.every((pair) => pair.source.length > 0)) return null
  const pairs: ReviewPair[] = []
  let leading: number[] = []
  for (const pair of review.pairs) {
    const previous = pairs[pairs.length - 1]
    if (pair.source.length > 0) {
      pairs.push(leading.length > 0 ? edited(pair.source, [...leading, ...pair.target]) : pair)
      leading = []
    } else if (previous) {
      pairs[pairs.length - 1] = edited(previous.source, [...previous.target, ...pair.target])
    } else {
      leading = [...leading, ...pair.target]
    }
  }
  return pairs.length === 0 ? null : { ...review, pairs }
}
