import { describe, expect, test } from 'vitest'
import { TmIndex } from '@qalam/shared/tm'
import { changeOneWord, generateUnit, unrelatedSentence } from '../bench/tm/generateUnits.ts'
import { seededRandom } from '../support/seededRandom.ts'

// The bench's generated memory, small: lookups through the index must give the scores of an
// exhaustive scan (the index is exact by construction, see shared/tm/README.md).
describe('fuzzy lookup over a generated memory', () => {
  test('agrees with an exhaustive scan of a generated memory on near, changed and unrelated queries', () => {
    const units = Array.from({ length: 3000 }, (_, id) => generateUnit(id))
    const index = new TmIndex('ru')
    for (const unit of units) index.add(unit)
    const random = seededRandom(5)
    for (let i = 0; i < 150; i++) {
      const base = units[Math.floor(random() * units.length)]!.source
      const query =
        i % 3 === 0
          ? changeOneWord(base, random, true)
          : i % 3 === 1
            ? changeOneWord(base, random, false)
            : unrelatedSentence(i)
      for (const options of [
        { limit: 1, minScore: 0.5 },
        { limit: 5, minScore: 0.3 },
      ]) {
        const scores = (matches: { score: number }[]) =>
          matches.map((match) => match.score.toFixed(9))
        expect(scores(index.lookup(query, options)), query).toEqual(
          scores(index.scan(query, options)),
        )
      }
    }
  })
})
