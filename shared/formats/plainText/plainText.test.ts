import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parsePlainText, rebuildPlainText } from './index.ts'

const sample = readFileSync(
  new URL('../../../test/fixtures/samples/archives.ru.txt', import.meta.url),
  'utf8',
)

function rebuildFromSources(text: string, lang: string): string {
  const parsed = parsePlainText(text, lang)
  return rebuildPlainText(
    parsed.segments.map((s) => ({ before: s.before, text: s.source })),
    parsed.trailing,
  )
}

describe('plain text format', () => {
  test('rebuilds the sample document byte for byte from its segments', () => {
    expect(rebuildFromSources(sample, 'ru')).toBe(sample)
  })

  test('keeps leading, trailing and paragraph whitespace exactly', () => {
    const text = '  \r\nFirst one. Second one!\r\n\r\n\tHeading\n\n\nLast line?  \n  '
    expect(rebuildFromSources(text, 'en')).toBe(text)
    const parsed = parsePlainText(text, 'en')
    expect(parsed.segments.map((s) => s.source)).toEqual([
      'First one.',
      'Second one!',
      'Heading',
      'Last line?',
    ])
    expect(parsed.segments.map((s) => s.paragraph)).toEqual([0, 0, 1, 2])
  })

  test('puts translations in place of sources and leaves the gaps alone', () => {
    const text = 'Бір. Екі.\n\nҮш.'
    const parsed = parsePlainText(text, 'kk')
    const targets = ['واحد.', '', 'ثلاثة.']
    const rebuilt = rebuildPlainText(
      parsed.segments.map((s, i) => ({ before: s.before, text: targets[i] || s.source })),
      parsed.trailing,
    )
    expect(rebuilt).toBe('واحد. Екі.\n\nثلاثة.')
  })
})
