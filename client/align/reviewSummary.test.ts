import { describe, expect, test } from 'vitest'
import type { Review } from './alignmentEdits.ts'
import { confirmedPairs } from './confirmedPairs.ts'
import { isLowConfidence, nextPairWhere, summarizeReview } from './reviewSummary.ts'

const review: Review = {
  source: {
    sentences: ['Один.', 'Два.', 'Три.', 'Четыре.'],
    paragraphs: [0, 0, 1, 1],
    gaps: ['\t', ' ', '\n  ', '  '],
    trailing: '\n',
  },
  target: {
    sentences: ['واحد.', 'اثنان', 'أيضا.', 'ثلاثة.'],
    paragraphs: [0, 0, 0, 1],
    gaps: ['', ' ', ' ', '\n'],
    trailing: '',
  },
  pairs: [
    { source: [0], target: [0], confidence: 0.9 },
    { source: [1], target: [1, 2], confidence: 0.4 },
    { source: [2], target: [3], confidence: null },
    { source: [3], target: [], confidence: 0.1 },
  ],
}

function pairOf(
  source: string,
  target: string,
  paragraph: number,
  before: string,
  confidence: number | null,
) {
  return { source, target, paragraph, before, sourceBreaks: [], confidence }
}

describe('review summary and confirmation', () => {
  test('counts pairs, the share of 1-1 pairs and the low-confidence pairs', () => {
    expect(summarizeReview(review)).toEqual({
      pairs: 4,
      oneToOneShare: 0.5,
      lowConfidence: 2,
      drafts: 1,
      withoutSource: 0,
    })
  })

  test('a pair somebody edited is no longer low-confidence', () => {
    expect(review.pairs.map(isLowConfidence)).toEqual([false, true, false, true])
  })

  test('the next low-confidence pair is searched after the current one, wrapping around', () => {
    expect(nextPairWhere(review, -1, isLowConfidence)).toBe(1)
    expect(nextPairWhere(review, 1, isLowConfidence)).toBe(3)
    expect(nextPairWhere(review, 3, isLowConfidence)).toBe(1)
    expect(nextPairWhere(review, 0, () => false)).toBeNull()
  })

  test('confirmed pairs carry the file’s whitespace, the source paragraph and the aligner’s confidence', () => {
    expect(confirmedPairs(review, { sourceLang: 'ru', targetLang: 'ar' })).toEqual([
      pairOf('Один.', 'واحد.', 0, '\t', 0.9),
      pairOf('Два.', 'اثنان أيضا.', 0, ' ', 0.4),
      pairOf('Три.', 'ثلاثة.', 1, '\n  ', null),
      pairOf('Четыре.', '', 1, '  ', 0.1),
    ])
  })

  test('a pair of several source sentences keeps the file’s text between them and where each begins', () => {
    const merged: Review = {
      ...review,
      pairs: [
        { source: [0, 1, 2], target: [0, 1, 2], confidence: null },
        { source: [3], target: [3], confidence: 0.8 },
      ],
    }
    const [first] = confirmedPairs(merged, { sourceLang: 'ru', targetLang: 'ar' })
    expect(first).toEqual({
      source: 'Один. Два.\n  Три.',
      target: 'واحد. اثنان أيضا.',
      paragraph: 0,
      before: '\t',
      sourceBreaks: [6, 13],
      confidence: null,
    })
  })
})
