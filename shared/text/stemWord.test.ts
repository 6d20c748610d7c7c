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

  test('cuts an ending only after the sound it follows in Kazakh, so a bare word and its forms agree', () => {
    const groups = [
      ['Алматы', 'Алматыда', 'Алматыдан', 'Алматының'],
      ['Астана', 'Астанада', 'Астананың', 'Астанадан'],
      ['адам', 'адамдар', 'адамнан', 'адамның', 'адамды'],
      ['тау', 'тауда', 'таудың', 'таулар', 'тауы'],
      ['жер', 'жерлер', 'жердің', 'жерде'],
      ['бала', 'балалар', 'баласы', 'балаға', 'баланың'],
      ['дос', 'достан', 'досы', 'достар'],
      ['клуб', 'клубта'],
    ]
    for (const [base, ...forms] of groups) {
      for (const form of forms) expect(stem(form, 'kk'), form).toBe(stem(base!, 'kk'))
    }
  })

  test('gives the present-future and the past of a verb one stem, and leaves -й nouns whole', () => {
    for (const [present, past] of [
      ['ұсынылады', 'ұсынылды'],
      ['береді', 'берді'],
      ['сақталады', 'сақталды'],
    ])
      expect(stem(present!, 'kk'), present).toBe(stem(past!, 'kk'))
    expect(stem('Абайды', 'kk')).toBe(stem('Абай', 'kk'))
    expect(stem('үйді', 'kk')).toBe(stem('үй', 'kk'))
  })

  test('keeps the -стан of place names: Қазақстан is not an ablative', () => {
    for (const form of ['Қазақстан', 'Қазақстанның', 'Қазақстанда', 'Қазақстаннан', 'Қазақстанға'])
      expect(stem(form, 'kk'), form).toBe('қазақстан')
    expect(stem('Пәкістанда', 'kk')).toBe('пәкістан')
    expect(stem('жолдастан', 'kk')).toBe(stem('жолдас', 'kk'))
  })

  test('does not merge words that differ only by a Kazakh letter', () => {
    expect(stem('қала', 'kk')).not.toBe(stem('кала', 'kk'))
    expect(stem('ұлттың', 'kk')).not.toBe(stem('ұлттық', 'kk'))
  })
})

describe('Kazakh stems in Latin script', () => {
  test('gives the 2021 spelling of each form the stem of its Cyrillic spelling', () => {
    const pairs = [
      ['kıtap', 'кітап'],
      ['kıtaptar', 'кітаптар'],
      ['kıtabı', 'кітабы'],
      ['kıtaptarynyñ', 'кітаптарының'],
      ['kıtabymda', 'кітабымда'],
      ['kıtaphanada', 'кітапханада'],
      ['mektebıne', 'мектебіне'],
      ['üiler', 'үйлер'],
      ['halqy', 'халқы'],
      ['Qazaqstannyñ', 'Қазақстанның'],
      ['QAZAQSTANDA', 'ҚАЗАҚСТАНДА'],
      ['Almatydan', 'Алматыдан'],
      ['ūlttyñ', 'ұлттың'],
    ]
    for (const [latin, cyrillic] of pairs)
      expect(stem(latin!, 'kk-Latn'), latin).toBe(stem(cyrillic!, 'kk'))
    for (const form of ['kıtaptar', 'kıtabı', 'kıtaptarynyñ', 'kıtabymda'])
      expect(stem(form, 'kk-Latn-KZ'), form).toBe(stem('kıtap', 'kk-Latn'))
  })

  test('reads the acute letters of the 2018 alphabet and keeps Kazakh letters apart', () => {
    expect(stem('ǵylymnyń', 'kk-Latn')).toBe(stem('ğylymnyñ', 'kk-Latn'))
    expect(stem('qala', 'kk-Latn')).not.toBe(stem('kala', 'kk-Latn'))
    expect(stem('ūlttyñ', 'kk-Latn')).not.toBe(stem('ulttyñ', 'kk-Latn'))
    expect(stemKeys(foldText('Kıtaptar', 'kk-Latn'), 'kk-Latn')).toEqual(['кітап'])
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
