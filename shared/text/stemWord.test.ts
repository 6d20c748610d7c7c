import { describe, expect, test } from 'vitest'
import { foldText, stemKeys, stemWord } from './index.ts'

const stem = (word: string, lang: string) => stemWord(foldText(word, lang), lang)

describe('Kazakh stems', () => {
  test('gives a noun one stem through plural, possessive and case endings and p/b alternation', () => {
    const forms = [
      'кітап',
      'кітаптар',
      'кітабы',
      'кітаптың',
      'кітапқа',
      'кітапты',
      'кітапта',
      'кітаптан',
      'кітаппен',
      'кітаптары',
      'кітаптарының',
      'кітабымда',
      'кітабында',
      'кітаптарда',
    ]
    for (const form of forms) expect(stem(form, 'kk'), form).toBe('кітап')
  })

  test('keeps a derived word apart from its base: кітапхана is a library, not a book', () => {
    for (const form of [
      'кітапхана',
      'кітапханада',
      'кітапхананың',
      'кітапханалар',
      'кітапханаға',
    ]) {
      expect(stem(form, 'kk'), form).toBe('кітапхана')
    }
  })

  test('follows vowel harmony: front-vowel words take the front variants of each ending', () => {
    for (const form of [
      'мектеп',
      'мектептер',
      'мектепке',
      'мектебі',
      'мектебіне',
      'мектептен',
      'мектептерде',
    ]) {
      expect(stem(form, 'kk'), form).toBe('мектеп')
    }
    for (const form of ['үй', 'үйлер', 'үйде', 'үйіне', 'үйдің'])
      expect(stem(form, 'kk'), form).toBe(stem('үй', 'kk'))
  })

  test('reads the voiced k/g and q/gh before a vowel ending back as the stem letter', () => {
    expect(stem('күрегі', 'kk')).toBe(stem('күрек', 'kk'))
    expect(stem('құлағы', 'kk')).toBe(stem('құлақ', 'kk'))
    expect(stem('халқы', 'kk')).toBe(stem('халық', 'kk'))
  })

  test('does not merge words that differ only by a Kazakh letter', () => {
    expect(stem('қала', 'kk')).not.toBe(stem('кала', 'kk'))
    expect(stem('ұлттың', 'kk')).not.toBe(stem('ұлттық', 'kk'))
  })
})

describe('Russian stems', () => {
  test('gives the case and number forms of a noun and an adjective one stem each', () => {
    for (const form of ['рукописи', 'рукописей', 'рукописями', 'рукопись'])
      expect(stem(form, 'ru'), form).toBe('рукопис')
    for (const form of ['национальный', 'национальная', 'национальной', 'национальных']) {
      expect(stem(form, 'ru'), form).toBe('национальн')
    }
    expect(stem('сохранилась', 'ru')).toBe(stem('сохранились', 'ru'))
    expect(stem('библиотекарь', 'ru')).not.toBe(stem('библиотека', 'ru'))
  })
})

describe('Arabic stems', () => {
  test('sees through the article, conjunctions, fused prepositions and plural suffixes', () => {
    for (const form of [
      'مكتبة',
      'المكتبة',
      'بالمكتبة',
      'والمكتبات',
      'للمكتبة',
      'فالمكتبة',
      'وبالمكتبة',
      'المَكْتَبَةُ',
    ]) {
      expect(stem(form, 'ar'), form).toBe('مكتب')
    }
  })

  test('finds a preposition joined without the article only as an alternative stem', () => {
    expect(stemKeys(foldText('بمكتبة', 'ar'), 'ar')).toContain('مكتب')
    expect(stem('كتاب', 'ar')).toBe('كتاب')
    expect(stem('الكتاب', 'ar')).toBe('كتاب')
  })

  test('leaves short words and words of other languages alone', () => {
    expect(stem('بيت', 'ar')).toBe('بيت')
    expect(stem('archives', 'en')).toBe('archives')
  })
})
