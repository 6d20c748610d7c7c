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
})
