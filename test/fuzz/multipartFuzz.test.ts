import { expect, test } from 'vitest'
import { fuzzServer } from './fuzzSetup.ts'

/** Run however loaded the machine is: the budget alone would make the count a timing. */
const MIN_CASES = 30

test('mutated multipart uploads to every upload route from every role answer 4xx, never 5xx or nothing, and refused ones store nothing', async () => {
  const report = await fuzzServer(['multipart'], 8, 2000, MIN_CASES)
  expect(report.cases).toBeGreaterThanOrEqual(MIN_CASES)
  expect(report.failures).toEqual({})
  expect(report.storedWhenRefused).toBe(0)
  expect(Object.keys(report.byTarget)).toHaveLength(3)
  expect(Object.keys(report.refusedByReason).length).toBeGreaterThan(3)
}, 90_000)
