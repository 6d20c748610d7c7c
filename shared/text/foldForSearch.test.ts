import { describe, expect, test } from 'vitest'
import { foldForSearch, foldText } from './foldForSearch.ts'

describe('foldForSearch', () => {
  test('ignores case and Latin and Cyrillic accents', () => {
    expect(foldText('Éducation ÉLÈVE')).toBe('education eleve')
    expect(foldText('Ёлка и Йошкар-Ола')).toBe('елка и иошкар-ола')
  })

  test('ignores Arabic harakat, shadda, tatweel and the hamza on an alef', () => {
    expect(foldText('الْمَكْتَبَةُ')).toBe('المكتبة')
    expect(foldText('مـــكـتـبة')).toBe('مكتبة')
    expect(foldText('مُحَمَّد')).toBe('محمد')
    expect(foldText('أإآ')).toBe('ااا')
  })

  test('keeps the Kazakh letters apart from the Russian ones they resemble', () => {
    expect(foldText('ӘҒҚҢӨҰҮҺІ')).toBe('әғқңөұүһі')
    expect(foldText('қазақ')).not.toBe(foldText('казак'))
  })

  test('composes what it decomposed: NFD and NFC input fold alike', () => {
    expect(foldText('e\u0301')).toBe(foldText('\u00e9'))
    expect(foldText('한국')).toBe('한국')
  })

  test('reads every space separator as a plain space', () => {
    expect(foldText('10\u00a0000\u2009тг')).toBe('10 000 тг')
  })

  test('maps each folded character back to its offset in the original', () => {
    const original = 'الْكِتَاب'
    const folded = foldForSearch(original)
    expect(folded.text).toBe('الكتاب')
    const start = folded.text.indexOf('كتاب')
    expect(folded.origins[start]).toBe(original.indexOf('ك'))
    expect(folded.origins.length).toBe(folded.text.length)
    const emoji = foldForSearch('a😀B')
    expect(emoji.text).toBe('a😀b')
    expect(emoji.origins).toEqual([0, 1, 1, 3])
  })
})
