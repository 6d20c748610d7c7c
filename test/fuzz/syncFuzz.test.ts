import { expect, test } from 'vitest'
import { fuzzServer } from './fuzzSetup.ts'

/*
 * A few seconds of the seeded fuzzer inside `npm test`; `npm run bench -- fuzz` runs it
 * longer over every target and prints the counts.
 */
/** Run however loaded the machine is: the budget alone would make the count a timing. */
const MIN_CASES = 40

test('mutated sync and awareness messages from every role leave the server serving, and refused ones store nothing', async () => {
  const report = await fuzzServer(['sync'], 8, 3000, MIN_CASES)
  expect(report.cases).toBeGreaterThanOrEqual(MIN_CASES)
  expect(report.storedWhenRefused).toBe(0)
  expect(report.failures).toEqual({})
  expect(Object.keys(report.refusedByReason).length).toBeGreaterThan(1)
}, 60_000)
