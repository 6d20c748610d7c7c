import { describe, expect, test } from 'vitest'
import { createFoldCache, findHits, firstHitFrom, occurrences } from './findHits.ts'

function segments(pairs: [string, string][]) {
  return {
    count: pairs.length,
    texts: (index: number) => {
      const pair = pairs[index]
      return pair === undefined ? undefined : { source: pair[0], target: pair[1] }
    },
  }
}

describe('find', () => {
  test('finds Arabic words whatever their harakat and tatweel, highlighting the written form', () => {
    const text = 'زرتُ الْمَكْتَبَةَ الوطنيـــة'
    const [hit] = occurrences(text, 'المكتبة')
    expect(hit).toBeDefined()
    expect(text.slice(hit!.start, hit!.end)).toBe('الْمَكْتَبَةَ')
    const [stretched] = occurrences(text, 'الوطنية')
    expect(text.slice(stretched!.start, stretched!.end)).toBe('الوطنيـــة')
  })

  test('ignores case and accents in Cyrillic and keeps Kazakh letters distinct', () => {
    expect(occurrences('Ұлттық кітапхана', 'ұлттық')).toHaveLength(1)
    expect(occurrences('Қазақ тілі', 'казак')).toHaveLength(0)
    expect(occurrences('Ёлка, елка', 'ЕЛКА')).toEqual([
      { start: 0, end: 4 },
      { start: 6, end: 10 },
    ])
  })

  test('lists hits in document order, source before target, and none for a blank query', () => {
    const document = segments([
      ['Архив', 'Мұрағат'],
      ['Нет', 'Жоқ'],
      ['архив и архив', 'архив'],
    ])
    const fold = createFoldCache()
    expect(findHits(document, 'АРХИВ', fold)).toEqual([
      { index: 0, side: 'source', start: 0, end: 5 },
      { index: 2, side: 'source', start: 0, end: 5 },
      { index: 2, side: 'source', start: 8, end: 13 },
      { index: 2, side: 'target', start: 0, end: 5 },
    ])
    expect(findHits(document, '   ', fold)).toEqual([])
  })

  test('starts at the active segment and wraps to the first hit after the last', () => {
    const hits = [0, 4, 9].map((index) => ({ index, side: 'source' as const, start: 0, end: 1 }))
    expect(firstHitFrom(hits, null)).toBe(0)
    expect(firstHitFrom(hits, 4)).toBe(1)
    expect(firstHitFrom(hits, 5)).toBe(2)
    expect(firstHitFrom(hits, 10)).toBe(0)
    expect(firstHitFrom([], 3)).toBe(-1)
  })
})
