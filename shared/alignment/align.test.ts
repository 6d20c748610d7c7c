import { describe, expect, test } from 'vitest'
import { align, beadsToPairs, formatBead, parseBead, scoreAlignment } from './index.ts'

const russian = [
  'В 1956 году экспедиция поднялась на Эверест.',
  'Руководил ею Альберт Эгглер.',
  'Погода была плохой, но все вернулись живыми.',
  'Подробности см. на сайте https://example.org/everest.',
  'Почему они выбрали именно этот маршрут?',
  'Ответа в отчёте нет.',
]
const arabic = [
  'في عام ١٩٥٦ صعدت البعثة إلى إيفرست.',
  'وقادها ألبرت إغلر.',
  'كان الطقس سيئا.',
  'لكن الجميع عادوا أحياء.',
  'التفاصيل على الموقع https://example.org/everest.',
  'لماذا اختاروا هذا الطريق بالذات؟',
  'لا يوجد جواب في التقرير.',
]

function covered(beads: { source: number[]; target: number[] }[], side: 'source' | 'target') {
  return beads.flatMap((bead) => bead[side])
}

describe('align', () => {
  test('covers every sentence of both sides exactly once and in order', () => {
    const beads = align(russian, arabic, { sourceLang: 'ru', targetLang: 'ar' })
    expect(covered(beads, 'source')).toEqual(russian.map((_, k) => k))
    expect(covered(beads, 'target')).toEqual(arabic.map((_, k) => k))
    for (const bead of beads) expect(bead.source.length + bead.target.length).toBeGreaterThan(0)
  })

  test('pairs a Russian sentence split in two in the Arabic translation as one 1-2 bead', () => {
    const beads = align(russian, arabic, { sourceLang: 'ru', targetLang: 'ar' })
    expect(beads.map(formatBead)).toEqual([
      '[0]:[0]',
      '[1]:[1]',
      '[2]:[2,3]',
      '[3]:[4]',
      '[4]:[5]',
      '[5]:[6]',
    ])
  })

  test('pairs sentences by their numbers when the translation drops one', () => {
    const source = [
      'The survey of 1852 gave the peak a height of 8840 metres.',
      'Later surveys changed that figure.',
      'In 1955 the Indian survey published 8848 metres.',
      'This value is still quoted today.',
    ]
    const target = [
      'Die Vermessung von 1852 ergab 8840 Meter.',
      'In 1955 veröffentlichte die indische Vermessung 8848 Meter.',
      'Dieser Wert wird noch heute zitiert.',
    ]
    const beads = align(source, target)
    expect(beads.find((bead) => bead.source.includes(2))?.target).toEqual([1])
    expect(beads.find((bead) => bead.source.includes(0))?.target).toEqual([0])
  })

  test('returns one-sided beads when a side is empty', () => {
    expect(align(['A.', 'B.'], []).map(formatBead)).toEqual(['[0]:[]', '[1]:[]'])
    expect(align([], ['A.']).map(formatBead)).toEqual(['[]:[0]'])
  })

  test('a dictionary entry found on both sides raises the confidence of their bead', () => {
    const source = ['The hut stands below the summit.', 'We left at dawn.']
    const target = ['Die Hütte steht unter dem Gipfel.', 'Wir brachen im Morgengrauen auf.']
    const plain = align(source, target)
    const dictionary = [{ source: 'summit', target: 'Gipfel' }]
    const helped = align(source, target, { dictionary })
    expect(helped.map(formatBead)).toEqual(['[0]:[0]', '[1]:[1]'])
    expect(helped[0]!.confidence).toBeGreaterThan(plain[0]!.confidence)
  })
})

describe('beadsToPairs', () => {
  test('joins the sentences of merged beads with a space and keeps their indices', () => {
    const pairs = beadsToPairs(
      [
        { source: [0], target: [0, 1], confidence: 0.9 },
        { source: [1], target: [], confidence: 0.2 },
      ],
      ['Один.', 'Два.'],
      ['واحد.', 'اثنان.'],
      { sourceLang: 'ru', targetLang: 'ar' },
    )
    expect(pairs).toEqual([
      {
        source: 'Один.',
        target: 'واحد. اثنان.',
        sourceIndices: [0],
        targetIndices: [0, 1],
        confidence: 0.9,
      },
      { source: 'Два.', target: '', sourceIndices: [1], targetIndices: [], confidence: 0.2 },
    ])
  })
})

describe('bead text and scoring', () => {
  test('parses and formats the [1,2]:[3] form both ways', () => {
    for (const line of ['[0]:[0]', '[1,2]:[3]', '[]:[4]', '[5]:[]'])
      expect(formatBead(parseBead(line)!)).toBe(line)
    expect(parseBead('[1,2]-[3]')).toBeNull()
  })

  test('scores strict and lax matches as the Vecalign papers do', () => {
    const gold = [0, 1, 2].map((k) => ({ source: [k], target: [k] }))
    gold.push({ source: [3, 4], target: [3] }, { source: [], target: [4] })
    const predicted = [
      { source: [0], target: [0] },
      { source: [1, 2], target: [1, 2] },
      { source: [3], target: [3] },
      { source: [4], target: [4] },
    ]
    const score = scoreAlignment(gold, predicted)
    expect(score.strict.precision).toBeCloseTo(1 / 4)
    expect(score.strict.recall).toBeCloseTo(1 / 4)
    expect(score.lax.precision).toBeCloseTo(3 / 4)
    expect(score.lax.recall).toBeCloseTo(4 / 4)
  })
})
