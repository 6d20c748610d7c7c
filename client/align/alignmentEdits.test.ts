import { describe, expect, test } from 'vitest'
import {
  isSplitPoint,
  mergeSourcelessPairs,
  mergeWithNext,
  shiftSentence,
  splitPair,
  splitPairInSentence,
  type Review,
} from './alignmentEdits.ts'

// Source: 4 sentences; target: 5, the second source sentence translated as two.
function review(): Review {
  return {
    source: {
      sentences: ['S0.', 'S1 long.', 'S2.', 'S3 and more.'],
      paragraphs: [0, 0, 1, 1],
      gaps: ['', ' ', '\n\n', ' '],
      trailing: '\n',
    },
    target: {
      sentences: ['T0.', 'T1a.', 'T1b.', 'T2.', 'T3 and more.'],
      paragraphs: [0, 0, 0, 1, 1],
      gaps: ['', ' ', ' ', '\n', ' '],
      trailing: '',
    },
    pairs: [
      { source: [0], target: [0], confidence: 0.9 },
      { source: [1], target: [1, 2], confidence: 0.8 },
      { source: [2], target: [3], confidence: 0.3 },
      { source: [3], target: [4], confidence: 0.95 },
    ],
  }
}

const shape = (r: Review | null) => r?.pairs.map((pair) => [pair.source, pair.target])

describe('alignment edits', () => {
  test('merging joins a pair with the next one and marks it edited', () => {
    const merged = mergeWithNext(review(), 1)!
    expect(shape(merged)).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [[3], [4]],
    ])
    expect(merged.pairs[1]!.confidence).toBeNull()
    expect(merged.pairs[0]!.confidence).toBe(0.9)
  })

  test('the last pair has nothing to merge with', () => {
    expect(mergeWithNext(review(), 3)).toBeNull()
  })

  test('splitting a side at a sentence boundary moves the rest into a new pair below', () => {
    const split = splitPair(review(), 1, 'target', 1)!
    expect(shape(split)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[], [2]],
      [[2], [3]],
      [[3], [4]],
    ])
    expect(split.pairs[2]!.confidence).toBeNull()
  })

  test('splitting the source side keeps the whole target in the upper pair', () => {
    const merged = mergeWithNext(review(), 0)!
    expect(shape(splitPair(merged, 0, 'source', 1))).toEqual([
      [[0], [0, 1, 2]],
      [[1], []],
      [[2], [3]],
      [[3], [4]],
    ])
  })

  test('a side of one sentence has no sentence boundary to split at', () => {
    expect(splitPair(review(), 0, 'source', 1)).toBeNull()
    expect(splitPair(review(), 1, 'target', 0)).toBeNull()
    expect(splitPair(review(), 1, 'target', 2)).toBeNull()
  })

  test('splitting inside a sentence cuts it at the chosen point and renumbers what follows', () => {
    const split = splitPairInSentence(review(), 3, 'source', 3, 'S3 '.length)!
    expect(split.source.sentences).toEqual(['S0.', 'S1 long.', 'S2.', 'S3', 'and more.'])
    expect(split.source.paragraphs).toEqual([0, 0, 1, 1, 1])
    // The space at the cut becomes the gap before the second half: the file's text is kept.
    expect(split.source.gaps).toEqual(['', ' ', '\n\n', ' ', ' '])
    expect(split.source.trailing).toBe('\n')
    expect(shape(split)?.slice(3)).toEqual([
      [[3], [4]],
      [[4], []],
    ])
    const earlier = splitPairInSentence(review(), 1, 'source', 1, 'S1 '.length)!
    expect(shape(earlier)).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2], []],
      [[3], [3]],
      [[4], [4]],
    ])
    expect(earlier.source.sentences[4]).toBe('S3 and more.')
  })

  test('a split point must fall between words of the pair’s own sentence', () => {
    expect(isSplitPoint('S3 and more.', 3)).toBe(true)
    expect(isSplitPoint('S3 and more.', 2)).toBe(false)
    expect(isSplitPoint('S3 and more.', 0)).toBe(false)
    expect(splitPairInSentence(review(), 3, 'source', 3, 1)).toBeNull()
    expect(splitPairInSentence(review(), 2, 'source', 3, 3)).toBeNull()
  })

  test('shifting moves one sentence of one side to the neighbouring pair', () => {
    const down = shiftSentence(review(), 1, 'target', 'down')!
    expect(shape(down)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2, 3]],
      [[3], [4]],
    ])
    expect(down.pairs[1]!.confidence).toBeNull()
    expect(down.pairs[2]!.confidence).toBeNull()
    const up = shiftSentence(down, 2, 'target', 'up')!
    expect(shape(up)).toEqual(shape(review()))
  })

  test('a pair emptied by a shift disappears', () => {
    const shifted = shiftSentence(shiftSentence(review(), 2, 'source', 'up')!, 1, 'target', 'down')!
    expect(shape(shifted)).toEqual([
      [[0], [0]],
      [[1, 2], [1]],
      [[], [2, 3]],
      [[3], [4]],
    ])
    const emptied = shiftSentence(shifted, 2, 'target', 'up')
    expect(shape(shiftSentence(emptied!, 2, 'target', 'up'))).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [[3], [4]],
    ])
  })

  test('nothing shifts past the first or last pair, or out of an empty side', () => {
    expect(shiftSentence(review(), 0, 'source', 'up')).toBeNull()
    expect(shiftSentence(review(), 3, 'target', 'down')).toBeNull()
    const split = splitPair(review(), 1, 'target', 1)!
    expect(shiftSentence(split, 2, 'source', 'up')).toBeNull()
  })

  test('edits never change the input review', () => {
    const original = review()
    const snapshot = JSON.stringify(original)
    mergeWithNext(original, 0)
    splitPair(original, 1, 'target', 1)
    splitPairInSentence(original, 3, 'source', 3, 3)
    shiftSentence(original, 1, 'target', 'down')
    expect(JSON.stringify(original)).toBe(snapshot)
  })

  test('pairs without source text join the pair above, or the one below at the start', () => {
    const base = review()
    const orphans: Review = {
      ...base,
      pairs: [
        { source: [], target: [0], confidence: 0.2 },
        { source: [0], target: [], confidence: 0.9 },
        { source: [1], target: [1], confidence: 0.8 },
        { source: [], target: [2], confidence: 0.1 },
        { source: [], target: [3], confidence: 0.1 },
        { source: [2, 3], target: [4], confidence: 0.7 },
      ],
    }
    const merged = mergeSourcelessPairs(orphans)!
    expect(shape(merged)).toEqual([
      [[0], [0]],
      [[1], [1, 2, 3]],
      [[2, 3], [4]],
    ])
    expect(merged.pairs.map((pair) => pair.confidence)).toEqual([null, null, 0.7])
    expect(mergeSourcelessPairs(base)).toBeNull()
  })
})
