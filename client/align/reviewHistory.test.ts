import { describe, expect, test } from 'vitest'
import { pairKey } from './alignmentEdits.ts'
import { reviewReducer, startReview } from './reviewHistory.ts'

const proposal = {
  source: {
    sentences: ['A.', 'B.', 'C.'],
    paragraphs: [0, 0, 1],
    gaps: ['', ' ', '\n'],
    trailing: '',
  },
  target: {
    sentences: ['a.', 'b1.', 'b2.', 'c.'],
    paragraphs: [0, 0, 0, 1],
    gaps: ['', ' ', ' ', '\n'],
    trailing: '',
  },
  beads: [
    { source: [0], target: [0], confidence: 0.9 },
    { source: [1], target: [1, 2], confidence: 0.7 },
    { source: [2], target: [3], confidence: 0.2 },
  ],
}

describe('review history', () => {
  test('a review starts with one pair per bead and nothing to undo', () => {
    const history = startReview(proposal)
    expect(history.review.pairs).toEqual(proposal.beads)
    expect(history.past).toEqual([])
  })

  test('undo steps back through edits in reverse order', () => {
    const start = startReview(proposal)
    const merged = reviewReducer(start, { kind: 'merge', index: 0 })
    const shifted = reviewReducer(merged, {
      kind: 'shift',
      index: 0,
      side: 'target',
      direction: 'down',
    })
    expect(shifted.review.pairs.map((p) => p.target)).toEqual([
      [0, 1],
      [2, 3],
    ])
    const once = reviewReducer(shifted, { kind: 'undo' })
    expect(once.review).toEqual(merged.review)
    const twice = reviewReducer(once, { kind: 'undo' })
    expect(twice.review).toEqual(start.review)
    expect(reviewReducer(twice, { kind: 'undo' })).toBe(twice)
  })

  test('an edit that does not apply leaves the history as it was', () => {
    const start = startReview(proposal)
    expect(reviewReducer(start, { kind: 'merge', index: 2 })).toBe(start)
    expect(reviewReducer(start, { kind: 'split', index: 0, side: 'source', at: 1 })).toBe(start)
  })

  test('splits of either kind can be undone', () => {
    const start = startReview(proposal)
    const split = reviewReducer(start, { kind: 'split', index: 1, side: 'target', at: 1 })
    expect(split.review.pairs).toHaveLength(4)
    const cut = reviewReducer(split, {
      kind: 'splitInSentence',
      index: 0,
      side: 'source',
      sentence: 0,
      offset: 0,
    })
    expect(cut).toBe(split)
    expect(reviewReducer(split, { kind: 'undo' }).review).toEqual(start.review)
  })

  test('choosing a word on a side ends the choice on any other side', () => {
    const start = startReview(proposal)
    const first = reviewReducer(start, { kind: 'chooseWord', pair: 's0', side: 'target' })
    const second = reviewReducer(first, { kind: 'chooseWord', pair: 's2', side: 'source' })
    expect(second.choosingWord).toEqual({ pair: 's2', side: 'source' })
    expect(reviewReducer(second, { kind: 'cancelWord' }).choosingWord).toBeNull()
  })

  test('a cut at a word ends the choice instead of leaving it on the pair that takes its key', () => {
    const wordy = {
      source: {
        sentences: ['One two.', 'Three.', 'Four.'],
        paragraphs: [0, 0, 0],
        gaps: ['', ' ', ' '],
        trailing: '',
      },
      target: {
        sentences: ['a.', 'b.', 'c.'],
        paragraphs: [0, 0, 0],
        gaps: ['', ' ', ' '],
        trailing: '',
      },
      beads: [0, 1, 2].map((k) => ({ source: [k], target: [k], confidence: 0.9 })),
    }
    const choosing = reviewReducer(startReview(wordy), {
      kind: 'chooseWord',
      pair: 's2',
      side: 'source',
    })
    const cut = reviewReducer(choosing, {
      kind: 'splitInSentence',
      index: 0,
      side: 'source',
      sentence: 0,
      offset: 4,
    })
    // The cut renumbers the sentences below it: "s2" now names the pair of "Three.".
    const renamed = cut.review.pairs.find((pair) => pairKey(pair) === 's2')!
    expect(cut.review.source.sentences[renamed.source[0]!]).toBe('Three.')
    expect(cut.choosingWord).toBeNull()
  })

  test('undo ends choosing a word', () => {
    const merged = reviewReducer(startReview(proposal), { kind: 'merge', index: 1 })
    const choosing = reviewReducer(merged, { kind: 'chooseWord', pair: 's1', side: 'target' })
    const undone = reviewReducer(choosing, { kind: 'undo' })
    expect(undone.review.pairs).toHaveLength(3)
    expect(undone.choosingWord).toBeNull()
  })
})
