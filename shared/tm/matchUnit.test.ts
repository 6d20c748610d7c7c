import { describe, expect, test } from 'vitest'
import { matchUnit } from './index.ts'

const unit = (source: string, target = 'target') => ({ source, target })

describe('match percentage', () => {
  test('scores a source that differs only by diacritics at least 99 % but not 100 %', () => {
    const arabic = matchUnit(
      { source: 'الْمَكْتَبَةُ الوَطَنِيَّةُ رَقْمَنَتْ المخطوطات النادرة' },
      unit('المكتبة الوطنية رقمنت المخطوطات النادرة'),
      'ar',
    )
    expect(arabic.percent).toBe(99)
    expect(arabic.kind).toBe('fuzzy')
    const russian = matchUnit(
      { source: 'Ёлка стоит в зале архи́ва.' },
      unit('Елка стоит в зале архива.'),
      'ru',
    )
    expect(russian.percent).toBeGreaterThanOrEqual(99)
  })

  test('scores a ten-word Kazakh segment that differs by one suffix at least 90 %', () => {
    const stored =
      'Ұлттық кітапхананың қорында мыңдаған сирек кітаптар мен қолжазбалар ұқыпты сақталған.'
    const changed =
      'Ұлттық кітапхананың қорында мыңдаған сирек кітаптары мен қолжазбалар ұқыпты сақталған.'
    const match = matchUnit({ source: changed }, unit(stored), 'kk')
    expect(match.percent).toBeGreaterThanOrEqual(90)
    expect(match.percent).toBeLessThan(100)
    // The stem is what makes it a small change: another word in its place costs more.
    const replaced =
      'Ұлттық кітапхананың қорында мыңдаған сирек газеттер мен қолжазбалар ұқыпты сақталған.'
    expect(matchUnit({ source: replaced }, unit(stored), 'kk').score).toBeLessThan(match.score)
  })

  test('scores one changed number at least 95 % and swaps the number in the target', () => {
    const match = matchUnit(
      { source: 'В 2024 году Национальная библиотека оцифровала 1 250 рукописей.' },
      unit(
        'В 2023 году Национальная библиотека оцифровала 1 250 рукописей.',
        'Ұлттық кітапхана 2023 жылы 1 250 қолжазбаны цифрлады.',
      ),
      'ru',
    )
    expect(match.percent).toBeGreaterThanOrEqual(95)
    expect(match.numbersReplaced).toBe(true)
    expect(match.target).toBe('Ұлттық кітапхана 2024 жылы 1 250 қолжазбаны цифрлады.')
  })

  test('writes a swapped number in the digits the target uses', () => {
    const match = matchUnit(
      { source: 'Архив получил 15 коробок.' },
      unit('Архив получил 12 коробок.', 'تلقى الأرشيف ١٢ صندوقا.'),
      'ru',
    )
    expect(match.target).toBe('تلقى الأرشيف ١٥ صندوقا.')
  })

  test('leaves the target alone when words differ too, or the number is not in it', () => {
    const wordsToo = matchUnit(
      { source: 'Архив получил 15 новых коробок.' },
      unit('Архив получил 12 коробок.', 'Мұрағат 12 қорап алды.'),
      'ru',
    )
    expect(wordsToo.numbersReplaced).toBe(false)
    expect(wordsToo.target).toBe('Мұрағат 12 қорап алды.')
    const missing = matchUnit(
      { source: 'Архив получил 15 коробок.' },
      unit('Архив получил 12 коробок.', 'Мұрағат он екі қорап алды.'),
      'ru',
    )
    expect(missing.numbersReplaced).toBe(false)
  })

  test('scores a reordered clause below an unchanged one', () => {
    const query = { source: 'Архив передал документы, а библиотека получила новые книги.' }
    const reordered = matchUnit(
      query,
      unit('Библиотека получила новые книги, а архив передал документы.'),
      'ru',
    )
    const oneClauseChanged = matchUnit(
      query,
      unit('Архив передал документы, а музей получил старые картины.'),
      'ru',
    )
    expect(reordered.score).toBeLessThan(oneClauseChanged.score)
    expect(oneClauseChanged.percent).toBeGreaterThanOrEqual(50)
  })

  test('marks the same text 100 % and the same text between the same neighbours 101 %', () => {
    const source = 'Совет утвердил план работы.'
    const stored = {
      source,
      target: 'Кеңес жұмыс жоспарын бекітті.',
      prev: 'Заседание открыто.',
      next: '',
    }
    expect(matchUnit({ source: ` ${source}  ` }, stored, 'ru')).toMatchObject({
      percent: 100,
      kind: 'exact',
    })
    expect(matchUnit({ source, prev: 'Заседание открыто.', next: '' }, stored, 'ru')).toMatchObject(
      {
        percent: 101,
        kind: 'in-context',
      },
    )
    expect(matchUnit({ source, prev: 'Другое начало.', next: '' }, stored, 'ru').percent).toBe(100)
    expect(matchUnit({ source: 'Совет утвердил план работы!' }, stored, 'ru').percent).toBeLessThan(
      100,
    )
  })

  test('charges little for a changed tag or punctuation mark and a whole word for a changed word', () => {
    const stored = unit('Архив <b>передал</b> документы библиотеке.')
    const tag = matchUnit({ source: 'Архив <i>передал</i> документы библиотеке.' }, stored, 'ru')
    const word = matchUnit({ source: 'Архив <b>передал</b> документы музею.' }, stored, 'ru')
    expect(tag.percent).toBeGreaterThanOrEqual(90)
    expect(word.score).toBeLessThan(tag.score)
  })

  test('sees through Arabic clitics and the article when scoring', () => {
    const stored = unit('زار الوفد المكتبة الوطنية')
    const clitic = matchUnit({ source: 'زار الوفد بالمكتبة الوطنية' }, stored, 'ar')
    const other = matchUnit({ source: 'زار الوفد المتحف الوطنية' }, stored, 'ar')
    expect(clitic.score).toBeGreaterThan(other.score)
    expect(clitic.percent).toBeGreaterThanOrEqual(85)
  })
})

describe('word diff', () => {
  test('highlights the changed word in both sources and what only one of them has', () => {
    const text = 'Архив передал новые документы библиотеке.'
    const stored = 'Архив передал документы музею.'
    const { diff } = matchUnit({ source: text }, unit(stored), 'ru')
    const slices = (source: string, spans: { start: number; end: number; op: string }[]) =>
      spans.map((span) => [span.op, source.slice(span.start, span.end)])
    expect(slices(text, diff.text)).toEqual([
      ['insert', 'новые'],
      ['replace', 'библиотеке'],
    ])
    expect(slices(stored, diff.stored)).toEqual([['replace', 'музею']])
  })

  test('joins neighbouring changed words into one span', () => {
    const text = 'Архив передал старые рукописные документы музею.'
    const stored = 'Архив передал документы музею.'
    const { diff } = matchUnit({ source: text }, unit(stored), 'ru')
    expect(diff.text.map((span) => text.slice(span.start, span.end))).toEqual(['старые рукописные'])
    expect(diff.stored).toEqual([])
  })
})
