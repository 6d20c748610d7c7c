import { describe, expect, test } from 'vitest'
import {
  consonantSkeleton,
  dominantScript,
  kazakhCyrillicToLatin,
  normalizeDigits,
  scriptOfChar,
  toLatin,
} from './index.ts'

describe('transliteration', () => {
  test('renders Russian and Kazakh Cyrillic in Latin letters, keeping capitals', () => {
    expect(toLatin('Пушкин')).toBe('Pushkin')
    expect(toLatin('Қазақстан')).toBe('Qazaqstan')
  })

  test('renders Arabic letters and drops short-vowel marks', () => {
    expect(toLatin('مُحَمَّد')).toBe('mhmd')
  })

  test('writes Kazakh in the 2021 Latin alphabet', () => {
    expect(kazakhCyrillicToLatin('Ғылым мен білім')).toBe('Ğylym men bılım')
    expect(kazakhCyrillicToLatin('Әже шәй ішті')).toBe('Äje şäi ıştı')
  })

  test('gives a name one consonant skeleton in Cyrillic, Latin and Arabic', () => {
    const skeletons = ['Пушкин', 'Pushkin', 'بوشكين'].map(consonantSkeleton)
    expect(new Set(skeletons).size).toBe(1)
    expect(consonantSkeleton('Москва')).not.toBe(consonantSkeleton('Пушкин'))
  })
})

describe('scripts and digits', () => {
  test('tells Latin, Cyrillic and Arabic apart', () => {
    expect(['a', 'ж', 'ع', '5'].map(scriptOfChar)).toEqual(['Latn', 'Cyrl', 'Arab', 'Other'])
    expect(dominantScript('Астана қаласы 2026 Astana')).toBe('Cyrl')
  })

  test('turns Arabic-Indic and Extended Arabic-Indic digits into ASCII without moving offsets', () => {
    const text = 'عام ١٩٥٦ و ۱۹۵۷'
    expect(normalizeDigits(text)).toBe('عام 1956 و 1957')
    expect(normalizeDigits(text)).toHaveLength(text.length)
  })
})
