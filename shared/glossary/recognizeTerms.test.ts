import { describe, expect, test } from 'vitest'
import { checkTerms } from './checkTerms.ts'
import { TermRecognizer } from './recognizeTerms.ts'
import type { GlossaryEntry } from './types.ts'

function entry(
  ...terms: [lang: string, text: string, status?: 'preferred' | 'admitted' | 'forbidden'][]
): GlossaryEntry {
  return {
    terms: terms.map(([lang, text, status]) => ({ lang, text, status: status ?? 'preferred' })),
  }
}

function found(recognizer: TermRecognizer<number>, text: string): string[] {
  return recognizer.find(text).map((hit) => text.slice(hit.start, hit.end))
}

describe('term recognition', () => {
  const arabic = new TermRecognizer(
    [{ id: 1, entry: entry(['ar', 'مكتبة'], ['en', 'library']) }],
    'ar',
    'en',
  )

  test.each(['المكتبة', 'بالمكتبة', 'والمكتبات', 'مكتبة', 'للمكتبة', 'المَكتبة'])(
    'finds the Arabic term مكتبة written as %s',
    (word) => {
      expect(found(arabic, `زرت ${word} أمس`)).toEqual([word])
    },
  )

  test('does not find an Arabic term in an unrelated word', () => {
    expect(found(arabic, 'كتب الطالب رسالة')).toEqual([])
  })

  const kazakh = new TermRecognizer(
    [
      { id: 1, entry: entry(['kk', 'кітапхана'], ['ru', 'библиотека']) },
      { id: 2, entry: entry(['kk', 'ұлттық кітапхана'], ['ru', 'национальная библиотека']) },
      { id: 3, entry: entry(['kk', 'қолжазба'], ['ru', 'рукопись']) },
    ],
    'kk',
    'ru',
  )

  test('sees through Kazakh case and plural suffixes', () => {
    expect(found(kazakh, 'Кітапханада қолжазбалар сақталады.')).toEqual([
      'Кітапханада',
      'қолжазбалар',
    ])
    expect(found(kazakh, 'Кітапханалардың қоры')).toEqual(['Кітапханалардың'])
  })

  test('finds кітап in кітаптар, кітабы and Кітаптың but not in кітапханада', () => {
    const book = new TermRecognizer(
      [{ id: 1, entry: entry(['kk', 'кітап'], ['ru', 'книга']) }],
      'kk',
      'ru',
    )
    expect(found(book, 'кітаптар кітабы Кітаптың кітапханада')).toEqual([
      'кітаптар',
      'кітабы',
      'Кітаптың',
    ])
  })

  test('prefers the longest multi-word term and returns its targets', () => {
    const hits = kazakh.find('Ұлттық кітапханаға бардым')
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ entryId: 2, start: 0, end: 'Ұлттық кітапханаға'.length })
    expect(hits[0]!.targets.map((term) => term.text)).toEqual(['национальная библиотека'])
  })

  test('sees through Russian inflection', () => {
    const russian = new TermRecognizer(
      [{ id: 7, entry: entry(['ru', 'редкая книга'], ['kk', 'сирек кітап']) }],
      'ru',
      'kk',
    )
    expect(found(russian, 'Фонд редких книг открыт.')).toEqual(['редких книг'])
    expect(found(russian, 'О редкой книге')).toEqual(['редкой книге'])
  })

  test('keeps Kazakh letters distinct from their Russian look-alikes', () => {
    const recognizer = new TermRecognizer(
      [{ id: 1, entry: entry(['kk', 'қол'], ['ru', 'рука']) }],
      'kk',
      'ru',
    )
    expect(found(recognizer, 'кол')).toEqual([])
    expect(found(recognizer, 'қолы')).toEqual(['қолы'])
  })
})

describe('term check', () => {
  const recognizer = new TermRecognizer(
    [
      {
        id: 1,
        entry: entry(
          ['ru', 'рукопись'],
          ['kk', 'қолжазба', 'preferred'],
          ['kk', 'манускрипт', 'forbidden'],
        ),
      },
    ],
    'ru',
    'kk',
  )

  test('accepts a target that uses the preferred term with a suffix', () => {
    expect(
      checkTerms(recognizer, 'Рукописи хранятся здесь.', 'Қолжазбалар осында сақталады.', 'kk'),
    ).toEqual([])
  })

  test('reports a target that lacks the preferred term', () => {
    const findings = checkTerms(recognizer, 'Рукопись найдена.', 'Кітап табылды.', 'kk')
    expect(findings).toMatchObject([{ kind: 'missing', entryId: 1 }])
  })

  test('reports a forbidden term in the target', () => {
    const findings = checkTerms(recognizer, 'Рукопись найдена.', 'Манускрипт табылды.', 'kk')
    expect(findings.map((finding) => finding.kind).sort()).toEqual(['forbidden', 'missing'])
  })
})
