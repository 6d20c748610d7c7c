import { describe, expect, test } from 'vitest'
import { GOLDEN_CASES, INDEPENDENT_CASES } from './golden/index.ts'
import { segmentText } from './index.ts'

describe.each(Object.keys(GOLDEN_CASES))('golden cases (%s)', (lang) => {
  test.each(GOLDEN_CASES[lang]!.map((golden) => [golden.text, golden.segments] as const))(
    'splits %j as expected',
    (text, expected) => {
      expect(segmentText(text, lang).map((segment) => segment.text)).toEqual(expected)
    },
  )
})

describe.each(Object.keys(INDEPENDENT_CASES))('independent cases (%s)', (lang) => {
  test.each(INDEPENDENT_CASES[lang]!.map((golden) => [golden.text, golden.segments] as const))(
    "splits %j by the language's conventions",
    (text, expected) => {
      expect(segmentText(text, lang).map((segment) => segment.text)).toEqual(expected)
    },
  )
})

describe('segmentText', () => {
  test('rebuilds every golden text byte for byte from offsets and gaps', () => {
    for (const [lang, cases] of [
      ...Object.entries(GOLDEN_CASES),
      ...Object.entries(INDEPENDENT_CASES),
    ]) {
      for (const { text } of cases) {
        const segments = segmentText(text, lang)
        let rebuilt = ''
        let cursor = 0
        for (const segment of segments) {
          expect(text.slice(segment.start, segment.end)).toBe(segment.text)
          expect(text.slice(cursor, segment.start).trim()).toBe('')
          rebuilt += text.slice(cursor, segment.start) + segment.text
          cursor = segment.end
        }
        expect(rebuilt + text.slice(cursor)).toBe(text)
      }
    }
  })

  test('numbers paragraphs by line and never joins across a line break', () => {
    const segments = segmentText('Title\nOne. Two\n\nThree', 'en')
    expect(segments.map((s) => [s.text, s.paragraph])).toEqual([
      ['Title', 0],
      ['One.', 1],
      ['Two', 1],
      ['Three', 2],
    ])
  })

  test('falls back to Unicode sentence rules for languages without rule data', () => {
    expect(segmentText('Hej. Hur mår du?', 'sv').map((s) => s.text)).toEqual([
      'Hej.',
      'Hur mår du?',
    ])
    expect(segmentText('Hola. Adiós.', 'not a tag').map((s) => s.text)).toEqual(['Hola.', 'Adiós.'])
  })

  test('uses the rules of the primary language of a tag such as kk-Cyrl', () => {
    expect(segmentText('Ол 1998 ж. көшті.', 'kk-Cyrl').map((s) => s.text)).toEqual([
      'Ол 1998 ж. көшті.',
    ])
  })
})
