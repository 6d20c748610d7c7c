import { expect, test } from 'vitest'
import { alignTokens, editDistance } from './editDistance.ts'
import { TokenVocabulary } from './TokenVocabulary.ts'

// Sentences of shared stems, numbers and punctuation, short and long, so that pairs differ in
// length as much as in content.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const WORDS = ['архив', 'архива', 'фонд', 'фонды', 'опись', 'книга', 'в', 'и', '12', '2024', ',']

function textOf(random: () => number): string {
  const length = 1 + Math.floor(random() * (random() < 0.2 ? 120 : 14))
  return Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ') + '.'
}

test('with a limit, gives the exact distance when it is within the limit and a number above it otherwise', () => {
  const vocabulary = new TokenVocabulary('ru')
  const random = seededRandom(5)
  for (let pair = 0; pair < 600; pair++) {
    const a = vocabulary.encode(textOf(random), true).coded
    const b = vocabulary.encode(textOf(random), true).coded
    const exact = alignTokens(a, b).distance
    expect(editDistance(a, b)).toBe(exact)
    for (const limit of [0, 3, 10, 25, 60, 150, exact, exact - 1]) {
      if (limit < 0) continue
      const banded = editDistance(a, b, limit)
      if (exact <= limit) expect(banded, `pair ${pair}, limit ${limit}`).toBe(exact)
      else expect(banded, `pair ${pair}, limit ${limit}`).toBeGreaterThan(limit)
    }
  }
})
