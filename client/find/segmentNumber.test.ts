import { expect, test } from 'vitest'
import { parseSegmentNumber } from './segmentNumber.ts'

test('a segment number is a whole number within the document, in any of its digit forms', () => {
  expect(parseSegmentNumber(' 42 ', 100)).toBe(42)
  expect(parseSegmentNumber('٤٢', 100)).toBe(42)
  expect(parseSegmentNumber('۱۰۰', 100)).toBe(100)
  for (const typed of ['0', '101', '-3', '4.5', '1e2', '', 'сорок']) {
    expect(parseSegmentNumber(typed, 100)).toBeNull()
  }
})
