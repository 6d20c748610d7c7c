import { describe, expect, test } from 'vitest'
import { foldForSearch, foldText } from './foldForSearch.ts'

describe('foldForSearch', () => {
  test('ignores case and Latin and Cyrillic accents', () => {
    expect(foldText('Éducation ÉLÈVE')).toBe('education eleve')
    expect(foldText('Ёлка и Йошкар-Ола')).toBe('елка и иошкар-ола')
  })

  test('ignores Arabic harakat, shadda, tatweel and the hamza on an alef', () => {
    expect(foldText('الْمَكْتَبَةُ')).toBe('المكتبه')
    expect(foldText('مـــكـتـبة')).toBe('مكتبه')
    expect(foldText('مُحَمَّد')).toBe('محمد')
    expect(foldText('أإآ')).toBe('ااا')
  })

  test('keeps the Kazakh letters apart from the Russian ones they resemble', () => {
    expect(foldText('ӘҒҚҢӨҰҮҺІ')).toBe('әғқңөұүһі')
    expect(foldText('қазақ')).not.toBe(foldText('казак'))
  })

  test('folds Arabic spelling variants, superscript alef, digits and punctuation', () => {
    expect(foldText('ٱلْكِتَابُ')).toBe('الكتاب')
    expect(foldText('هٰذَا')).toBe('هذا')
    expect(foldText('على')).toBe(foldText('علي'))
    expect(foldText('مكتبة')).toBe(foldText('مكتبه'))
    expect(foldText('عام ١٩٥٦ و ۱۹۵۷')).toBe('عام 1956 و 1957')
    expect(foldText('نعم، لا؛ لماذا؟')).toBe('نعم, لا; لماذا?')
  })

  test('applies Turkish-style dotted and dotless i to Turkish and Kazakh Latin, not to Kazakh Cyrillic', () => {
    expect(foldText('ISTANBUL', 'tr')).toBe('ıstanbul')
    expect(foldText('İZMİR', 'tr')).toBe('izmir')
    expect(foldText('QAZAQ ELİ', 'kk-Latn')).toBe('qazaq eli')
    expect(foldText('BILIM', 'kk-Latn')).toBe('bılım')
    expect(foldText('INTERNET', 'kk')).toBe('internet')
    expect(foldText('ІНІ', 'kk')).toBe('іні')
  })

  test('keeps the letters of the Kazakh Latin alphabet apart from the plain Latin ones', () => {
    expect(foldText('Äke Ölşem Ūly Ñ Ğ', 'kk-Latn')).toBe('äke ölşem ūly ñ ğ')
    expect(foldText('äke', 'kk-Latn')).not.toBe(foldText('ake', 'kk-Latn'))
  })

  test('reads Latin look-alike letters typed inside a Cyrillic word as Cyrillic, and the reverse', () => {
    expect(foldText('Aлматы')).toBe(foldText('Алматы'))
    expect(foldText('Ceмей')).toBe(foldText('Семей'))
    // Latin h and i in a Kazakh word are the Kazakh һ and і they look like, never х or и.
    expect(foldText('hәм бiлiм')).toBe('һәм білім')
    expect(foldText('Аstana')).toBe('astana')
    expect(foldText('Almaty Алматы')).toBe('almaty алматы')
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
