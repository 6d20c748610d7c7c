import { describe, expect, test } from 'vitest'
import { editDistance, scoreFromDistance, sequenceWeight } from './editDistance.ts'
import { findConcordance, TmIndex, type TmIndexUnit } from './index.ts'
import { scoreBound } from './scoreBound.ts'
import { KIND_CODES } from './tokenCost.ts'
import { TokenVocabulary } from './TokenVocabulary.ts'

// Deterministic Russian sentences over a small inflected vocabulary, so that pairs share
// stems, endings and numbers; the large generated memory lives in test/tm.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STEMS = ['рукопис', 'библиотек', 'архив', 'документ', 'фонд', 'коллекци', 'книг', 'опис']
const ENDINGS = ['', 'а', 'и', 'ы', 'ов', 'ами', 'ях', 'у']
const GLUE = ['и', 'в', 'на', 'для', ',', '1924', '2024']

function sentenceOf(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const length = 3 + Math.floor(random() * 12)
  const words = Array.from({ length }, () =>
    random() < 0.7 ? pick(STEMS) + pick(ENDINGS) : pick(GLUE),
  )
  return words.join(' ') + '.'
}

function indexOf(units: TmIndexUnit[]): TmIndex {
  const index = new TmIndex('ru')
  for (const unit of units) index.add(unit)
  return index
}

const archive: TmIndexUnit[] = [
  {
    id: 1,
    source: 'Национальная библиотека оцифровала редкие рукописи в 2024 году.',
    target: 'Ұлттық кітапхана 2024 жылы сирек қолжазбаларды цифрлады.',
    targetLang: 'kk',
  },
  {
    id: 2,
    source: 'Архив передал документы, а библиотека получила книги.',
    target: 'Мұрағат құжаттарды берді, ал кітапхана кітаптарды алды.',
    targetLang: 'kk',
  },
  {
    id: 3,
    source: 'Национальная библиотека оцифровала редкие рукописи в 2024 году.',
    target: 'رقمنت المكتبة الوطنية المخطوطات النادرة في عام ٢٠٢٤.',
    targetLang: 'ar',
    prev: 'Отчёт за год.',
    next: 'Работа продолжается.',
  },
  {
    id: 4,
    source: 'Делегация посетила библиотеку и архив.',
    target: 'زار الوفد بالمكتبة والأرشيف.',
    targetLang: 'ar',
  },
  {
    id: 5,
    source: 'Совет утвердил план работы на 2025 год.',
    target: 'Кеңес 2025 жылға арналған жұмыс жоспарын бекітті.',
    targetLang: 'kk',
  },
]

describe('fuzzy lookup', () => {
  test('returns the closest units best first, none below the minimum score', () => {
    const index = indexOf(archive)
    const found = index.lookup('Национальная библиотека оцифровала редкие рукописи в 2023 году.', {
      minScore: 0.6,
    })
    expect(found.map((match) => match.id).sort()).toEqual([1, 3])
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.95)
    expect(index.lookup('Совершенно другое предложение без общих слов.')).toEqual([])
  })

  test('marks a unit translated between the same neighbours as in context, and ranks it first', () => {
    const index = indexOf(archive)
    const found = index.lookup('Национальная библиотека оцифровала редкие рукописи в 2024 году.', {
      prev: 'Отчёт за год.',
      next: 'Работа продолжается.',
    })
    expect(found[0]).toMatchObject({ id: 3, score: 1, inContext: true })
    expect(found[1]).toMatchObject({ id: 1, score: 1, inContext: false })
  })

  test('finds units added and forgets units removed while it serves lookups', () => {
    const index = indexOf(archive)
    const query = 'Музей получил новые экспонаты от коллекционеров.'
    expect(index.lookup(query)).toEqual([])
    index.add({
      id: 9,
      source: 'Музей получил новые экспонаты от коллекционеров.',
      target: 'x',
      targetLang: 'kk',
    })
    expect(index.lookup(query)[0]).toMatchObject({ id: 9, score: 1 })
    expect(index.remove(9)).toBe(true)
    expect(index.lookup(query)).toEqual([])
    expect(index.remove(9)).toBe(false)
    index.add({
      id: 1,
      source: 'Музей получил экспонаты от коллекционеров.',
      target: 'y',
      targetLang: 'kk',
    })
    expect(index.lookup(query)[0]!.id).toBe(1)
    expect(index.size).toBe(archive.length)
  })

  test('knows which ids it holds whatever order they arrive and leave in', () => {
    const index = new TmIndex('ru')
    const random = seededRandom(3)
    const ids = Array.from({ length: 400 }, (_, i) => i * 3 + 1).sort(() => random() - 0.5)
    const inOrder = Array.from({ length: 400 }, (_, i) => 2000 + i)
    for (const id of [...inOrder, ...ids])
      index.add({ id, source: `Запись номер ${id}.`, target: 'x', targetLang: 'kk' })
    const removed = new Set([...ids.slice(0, 150), ...inOrder.filter((id) => id % 2 === 0)])
    for (const id of removed) expect(index.remove(id)).toBe(true)
    for (const id of [...inOrder, ...ids]) expect(index.has(id), String(id)).toBe(!removed.has(id))
    expect(index.size).toBe(800 - removed.size)
    index.add({ id: 2002, source: 'Запись вернулась.', target: 'x', targetLang: 'kk' })
    expect(index.has(2002)).toBe(true)
    expect(index.lookup('Запись вернулась.')[0]!.id).toBe(2002)
  })

  test('keeps to one target language when asked', () => {
    const index = indexOf(archive)
    const query = 'Национальная библиотека оцифровала редкие рукописи в 2024 году.'
    expect(index.lookup(query, { targetLang: 'ar' }).map((match) => match.id)).toEqual([3])
    expect(index.lookup(query, { targetLang: 'fr' })).toEqual([])
  })

  test('finds a segment of numbers and punctuation, which shares no word with anything', () => {
    const index = indexOf([
      ...archive,
      { id: 7, source: '2024.', target: '2024.', targetLang: 'kk' },
    ])
    expect(index.lookup('2024.')[0]).toMatchObject({ id: 7, score: 1 })
    expect(index.lookup('2025.')[0]!.id).toBe(7)
  })
  test('finds a unit identical to the query at 1 however long, past the tokens it keeps', () => {
    const random = seededRandom(21)
    // Well over the 1,000 tokens kept per unit; the two long units share their first 1,200 words.
    const opening = Array.from({ length: 150 }, () => sentenceOf(random)).join(' ')
    const long = `${opening} ${Array.from({ length: 60 }, () => sentenceOf(random)).join(' ')}`
    const other = `${opening} ${Array.from({ length: 60 }, () => sentenceOf(random)).join(' ')}`
    const index = indexOf([
      ...archive,
      { id: 20, source: long, target: 'long', targetLang: 'kk', prev: 'А.', next: 'Б.' },
      { id: 21, source: other, target: 'other', targetLang: 'kk' },
    ])
    for (const [query, id] of [
      [long, 20],
      [other, 21],
    ] as const) {
      expect(index.lookup(query)[0]).toMatchObject({ id, score: 1, inContext: false })
      expect(index.scan(query)[0]).toMatchObject({ id, score: 1 })
    }
    expect(index.lookup(long, { prev: 'А.', next: 'Б.' })[0]).toMatchObject({
      id: 20,
      score: 1,
      inContext: true,
    })
    // One more word than the stored unit: no longer identical.
    expect(index.lookup(`${long} архив.`)[0]?.score ?? 0).toBeLessThan(1)
    expect(index.lookup(long, { targetLang: 'ar' })).toEqual([])
    expect(index.remove(20)).toBe(true)
    expect(index.lookup(long)[0]?.id).not.toBe(20)
  })
})

describe('score bound', () => {
  test('is never below the true score of a pair', () => {
    const vocabulary = new TokenVocabulary('ru')
    const random = seededRandom(9)
    for (let i = 0; i < 400; i++) {
      const a = vocabulary.encode(sentenceOf(random), true).coded
      const b = vocabulary.encode(sentenceOf(random), true).coded
      const counts = new Map<number, number>()
      for (let k = 0; k < a.length; k++)
        if (a.kind[k] === KIND_CODES.word) counts.set(a.stem[k]!, (counts.get(a.stem[k]!) ?? 0) + 1)
      let shared = 0
      let wordsA = 0
      let wordsB = 0
      for (let k = 0; k < a.length; k++) if (a.kind[k] === KIND_CODES.word) wordsA += 10
      for (let k = 0; k < b.length; k++) {
        if (b.kind[k] !== KIND_CODES.word) continue
        wordsB += 10
        const left = counts.get(b.stem[k]!) ?? 0
        if (left > 0) {
          shared += 10
          counts.set(b.stem[k]!, left - 1)
        }
      }
      const weightA = sequenceWeight(a)
      const weightB = sequenceWeight(b)
      const score = scoreFromDistance(editDistance(a, b), weightA, weightB)
      expect(scoreBound(weightA, wordsA, weightB, wordsB, shared)).toBeGreaterThanOrEqual(
        score - 1e-12,
      )
    }
  })
})

describe('concordance', () => {
  const texts = new Map(archive.map((unit) => [unit.id, unit]))
  const read = (id: number) => texts.get(id)

  test('finds a Kazakh word in targets through its endings, with the hit to highlight', () => {
    const hits = findConcordance(indexOf(archive), 'кітап', { side: 'target', limit: 10 }, read)
    expect(hits.map((hit) => hit.id)).toEqual([2])
    const target = archive[1]!.target
    expect(hits[0]!.spans.map((span) => target.slice(span.start, span.end))).toEqual(['кітаптарды'])
  })

  test('finds an Arabic word written with the article, a conjunction or a joined preposition', () => {
    const index = indexOf(archive)
    const hits = findConcordance(index, 'مكتبة', { side: 'target', limit: 10 }, read)
    expect(hits.map((hit) => hit.id)).toEqual([4, 3])
    const target = archive[3]!.target
    expect(hits[0]!.spans.map((span) => target.slice(span.start, span.end))).toEqual(['بالمكتبة'])
  })

  test('reads a query word with a joined preposition both with and without it', () => {
    const hits = findConcordance(indexOf(archive), 'بمكتبة', { side: 'target', limit: 10 }, read)
    expect(hits.map((hit) => hit.id)).toEqual([4, 3])
  })

  test('finds a phrase in sources only where its words stand together and in order', () => {
    const index = indexOf(archive)
    const hits = findConcordance(
      index,
      'национальной библиотеки',
      { side: 'source', limit: 10 },
      read,
    )
    expect(hits.map((hit) => hit.id)).toEqual([3, 1])
    expect(
      findConcordance(index, 'библиотека национальная', { side: 'source', limit: 10 }, read),
    ).toEqual([])
  })

  test('stops at the limit, newest first, and skips units the store no longer has', () => {
    const index = indexOf(archive)
    expect(
      findConcordance(index, 'библиотека', { side: 'source', limit: 2 }, read).map((hit) => hit.id),
    ).toEqual([4, 3])
    expect(
      findConcordance(index, 'библиотека', { side: 'source', limit: 5 }, () => undefined),
    ).toEqual([])
  })
})
