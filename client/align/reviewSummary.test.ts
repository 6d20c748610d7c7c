import { describe, expect, test } from 'vitest'
import type { Review } from './alignmentEdits.ts'
import { confirmedPairs } from './confirmedPairs.ts'
import { isLowConfidence, nextPairWhere, summarizeReview } from './reviewSummary.ts'

const review: Review = {
  source: { sentences: ['Один.', 'Два.', 'Три.', 'Четыре.'], paragraphs: [0, 0, 1, 1] },
  target: { sentences: ['واحد.', 'اثنان', 'أيضا.', 'ثلاثة.'], paragraphs: [0, 0, 0, 1] },
  pairs: [
    { source: [0], target: [0], confidence: 0.9 },
    { source: [1], target: [1, 2], confidence: 0.4 },
    { source: [2], target: [3], confidence: null },
    { source: [3], target: [], confidence: 0.1 },
  ],
}

describe('review summary and confirmation', () => {
  test('counts pairs, the share of 1-1 pairs and the low-confidence pairs', () => {
    expect(summarizeReview(review)).toEqual({
      pairs: 4,
      oneToOneShare: 0.5,
      lowConfidence: 2,
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

  test('confirmed pairs join each side’s sentences and carry the source paragraph', () => {
    expect(confirmedPairs(review, { sourceLang: 'ru', targetLang: 'ar' })).toEqual([
      { source: 'Один.', target: 'واحد.', paragraph: 0 },
      { source: 'Два.', target: 'اثنان أيضا.', paragraph: 0 },
      { source: 'Три.', target: 'ثلاثة.', paragraph: 1 },
      { source: 'Четыре.', target: '', paragraph: 1 },
    ])
  })
})
