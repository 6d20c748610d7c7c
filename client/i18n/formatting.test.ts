import { describe, expect, test } from 'vitest'
import { browserHasLocaleData, createFormatter } from './formatting.ts'

const lacking = () => false
const at = new Date(2026, 11, 1, 9, 5)

describe('createFormatter', () => {
  test('formats Kazakh by CLDR when the browser lacks its data, as a full ICU does', () => {
    // Node ships the full ICU, so its Kazakh is the reference the fallback must match.
    expect(browserHasLocaleData('kk')).toBe(true)
    const fallback = createFormatter('kk', lacking)
    const full = createFormatter('kk')
    expect(fallback.number(1234567.5)).toBe(full.number(1234567.5))
    expect(fallback.percent(0.4256, 1)).toBe(full.percent(0.4256, 1))
    expect(fallback.percent(0.42)).toBe(full.percent(0.42))
    for (const style of [
      { dateStyle: 'medium' },
      { dateStyle: 'long' },
      { dateStyle: 'medium', timeStyle: 'short' },
    ] as const) {
      expect(fallback.date(at, style)).toBe(full.date(at, style))
    }
  })

  test('never prints the root locale\u2019s "M12" month for Kazakh', () => {
    const date = createFormatter('kk', lacking).date(at, { dateStyle: 'medium' })
    expect(date).toBe('2026 ж. 01 жел.')
    expect(date).not.toMatch(/M\d/)
    expect(createFormatter('kk-KZ', lacking).date(at, { dateStyle: 'long' })).toBe(
      '2026 ж. 1 желтоқсан',
    )
  })

  test('uses Intl as it is for a language without a fallback', () => {
    expect(createFormatter('ru', lacking).number(1234.5)).toBe(
      new Intl.NumberFormat('ru').format(1234.5),
    )
    expect(createFormatter('en').date(at, { dateStyle: 'medium' })).toBe('Dec 1, 2026')
  })
})
