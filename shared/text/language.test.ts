import { describe, expect, test } from 'vitest'
import { canonicalLanguage, languageDirection, languageScript } from './index.ts'

describe('language tags', () => {
  test('canonicalizes well-formed tags of known languages', () => {
    expect(canonicalLanguage('kk-cyrl')).toBe('kk-Cyrl')
    expect(canonicalLanguage('AR')).toBe('ar')
    expect(canonicalLanguage('kk-Latn')).toBe('kk-Latn')
    expect(canonicalLanguage('en-US')).toBe('en-US')
  })

  test('rejects malformed tags and unknown languages', () => {
    for (const bad of ['', 'english', 'xx', 'qq-ZZ', '12', 'ar_EG!', 'zz']) {
      expect(canonicalLanguage(bad), bad).toBeNull()
    }
  })

  test('knows the script and direction of our target languages', () => {
    expect(languageScript('kk')).toBe('Cyrl')
    expect(languageScript('kk-Latn')).toBe('Latn')
    expect(languageDirection('ar')).toBe('rtl')
    expect(languageDirection('fa')).toBe('rtl')
    expect(languageDirection('kk')).toBe('ltr')
    expect(languageDirection('ru')).toBe('ltr')
  })
})
