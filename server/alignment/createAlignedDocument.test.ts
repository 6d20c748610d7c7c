import { describe, expect, test } from 'vitest'
import { rebuildPlainText } from '@qalam/shared/formats'
import { alignedLayout } from './createAlignedDocument.ts'

describe('the layout of an aligned document', () => {
  const pairs = [
    { source: ' Первое. ', target: 'Бірінші.', paragraph: 0 },
    { source: 'Второе.', target: '  ', paragraph: 0 },
    { source: 'Третье.', target: 'Үшінші.', paragraph: 4 },
  ]

  test('pairs of a paragraph are joined by a space, paragraphs by a blank line', () => {
    const layout = alignedLayout(pairs)
    expect(layout.segments.map((s) => [s.before, s.source, s.paragraph])).toEqual([
      ['', 'Первое.', 0],
      [' ', 'Второе.', 0],
      ['\n\n', 'Третье.', 1],
    ])
    const rebuilt = rebuildPlainText(
      layout.segments.map((s) => ({ before: s.before, text: s.source })),
      layout.trailing,
    )
    expect(rebuilt).toBe('Первое. Второе.\n\nТретье.\n')
  })

  test('a pair with a translation is translated, one without stays new', () => {
    expect(alignedLayout(pairs).segments.map((s) => [s.target, s.status])).toEqual([
      ['Бірінші.', 'translated'],
      ['', 'new'],
      ['Үшінші.', 'translated'],
    ])
  })

  test('with the file layout, each pair keeps its whitespace and the file its trailing', () => {
    const file = 'Бір. Екі.\n  Үш!\n\nТөрт.\r\n'
    const layout = alignedLayout(
      [
        { source: 'Бір. Екі.', target: 'One. Two.', paragraph: 0, before: '', sourceBreaks: [5] },
        { source: 'Үш!', target: '', paragraph: 1, before: '\n  ' },
        { source: 'Төрт.', target: 'Four.', paragraph: 2, before: '\n\n' },
      ],
      '\r\n',
    )
    expect(layout.segments.map((s) => s.sourceBreaks)).toEqual([[5], [], []])
    const rebuilt = rebuildPlainText(
      layout.segments.map((s) => ({ before: s.before, text: s.source })),
      layout.trailing,
    )
    expect(rebuilt).toBe(file)
  })

  test('a translated pair under the confidence threshold is a draft unless a person changed it', () => {
    const statuses = alignedLayout([
      { source: 'А.', target: 'A.', paragraph: 0, confidence: 0.49 },
      { source: 'Б.', target: 'B.', paragraph: 0, confidence: 0.5 },
      { source: 'В.', target: 'C.', paragraph: 0, confidence: null },
      { source: 'Г.', target: '', paragraph: 0, confidence: 0.1 },
    ]).segments.map((s) => s.status)
    expect(statuses).toEqual(['draft', 'translated', 'translated', 'new'])
  })
})
