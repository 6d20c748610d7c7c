import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { countWords } from './index.ts'

describe('countWords', () => {
  test('counts Russian words, a hyphenated compound as one', () => {
    expect(countWords('Северо-Западный федеральный округ', 'ru')).toBe(3)
    expect(countWords('Из-за дождя встреча перенесена', 'ru')).toBe(4)
    expect(countWords('культурно-гуманитарного сотрудничества', 'ru')).toBe(2)
  })

  test('counts Kazakh words, numbers and abbreviations included', () => {
    expect(countWords('Қазақстан мен БАӘ архивтері, 2026 ж.', 'kk')).toBe(6)
    expect(countWords('Ұлттық кітапхананың қорында 1,5 млн. кітап бар', 'kk')).toBe(7)
  })

  test('counts Arabic words with or without vowel marks and tatweel alike', () => {
    expect(countWords('تعاون الأرشيف الوطني', 'ar')).toBe(3)
    expect(countWords('اللُّغَةُ العَرَبِيَّةُ جميلة', 'ar')).toBe(3)
    expect(countWords('الأرشيـــف الوطني، ٢٠٢٦', 'ar')).toBe(3)
  })

  test('counts English contractions, compounds and decimal numbers as one word each', () => {
    expect(countWords("Don't say it's state-of-the-art", 'en')).toBe(4)
    expect(countWords('Pi is 3.14, not 10,000.', 'en')).toBe(5)
    expect(countWords('archives’ catalogues', 'en')).toBe(2)
  })

  test('separates words at dashes, slashes and spaced hyphens, and counts no punctuation', () => {
    expect(countWords('Архивы — библиотеки / музеи - фонды', 'ru')).toBe(4)
    expect(countWords(' … — « » ; ', 'ru')).toBe(0)
    expect(countWords('  ', 'ru')).toBe(0)
    expect(countWords('', 'ru')).toBe(0)
  })

  test('counts the same whatever language is given, so no runtime data can change it', () => {
    const text = readFileSync(
      new URL('../../test/fixtures/samples/archives.ru.txt', import.meta.url),
      'utf8',
    )
    expect(countWords(text, 'ru')).toBe(237)
    expect(countWords(text, 'kk')).toBe(237)
    expect(countWords(text)).toBe(237)
  })
})
