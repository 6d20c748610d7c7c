import { describe, expect, test } from 'vitest'
import type { SegmentInit } from '@qalam/shared/model'
import { requireDeclaredLanguage, sampleSources } from './importLanguage.ts'

const segment = (source: string): SegmentInit => ({ source, paragraph: 0, before: '' })
const RUSSIAN = segment('Архив открывается для читателей каждый день в девять часов утра.')
const KAZAKH = segment('Мұрағат оқырмандар үшін күн сайын таңғы тоғызда ашылады.')

describe('the language check of an import', () => {
  test('samples at most 200 segments spread over the document, each cut short', () => {
    const segments = Array.from({ length: 1000 }, (_, index) =>
      segment(`${index} ${'я'.repeat(900)}`),
    )
    const samples = sampleSources(segments)
    expect(samples).toHaveLength(200)
    expect(samples[0]!.startsWith('0 ')).toBe(true)
    expect(samples[199]!.startsWith('995 ')).toBe(true)
    expect(Math.max(...samples.map((sample) => sample.length))).toBe(400)
  })

  test('a Kazakh title page before a long Russian text decides nothing', () => {
    const segments = [
      ...Array<SegmentInit>(20).fill(KAZAKH),
      ...Array<SegmentInit>(500).fill(RUSSIAN),
    ]
    expect(() => requireDeclaredLanguage(segments, 'ru', false)).not.toThrow()
  })

  test('a Kazakh text is refused as Russian with what it looks like, unless confirmed', () => {
    const segments = Array<SegmentInit>(30).fill(KAZAKH)
    expect(() => requireDeclaredLanguage(segments, 'ru', false)).toThrow(
      expect.objectContaining({
        code: 'import.language_mismatch',
        status: 409,
        detail: { declared: 'ru', script: 'Cyrl', language: 'kk' },
      }),
    )
    expect(() => requireDeclaredLanguage(segments, 'ru', true)).not.toThrow()
  })
})
