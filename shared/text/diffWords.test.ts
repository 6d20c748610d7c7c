import { expect, test } from 'vitest'
import { diffWords } from './diffWords.ts'

test('marks the words a suggestion adds and removes, keeping the rest', () => {
  expect(diffWords('الأرشيف مفتوح.', 'الأرشيف مفتوح الآن.')).toEqual([
    { kind: 'same', text: 'الأرشيف مفتوح' },
    { kind: 'added', text: ' الآن' },
    { kind: 'same', text: '.' },
  ])
  expect(diffWords('Каталог жаңартылды.', 'Тізім жаңартылды.')).toEqual([
    { kind: 'removed', text: 'Каталог' },
    { kind: 'added', text: 'Тізім' },
    { kind: 'same', text: ' жаңартылды.' },
  ])
})

test('rebuilds both texts from its parts', () => {
  const before = 'one two three, four'
  const after = 'one 2 three; four five'
  const parts = diffWords(before, after)
  const join = (kinds: string[]) =>
    parts
      .filter((part) => kinds.includes(part.kind))
      .map((part) => part.text)
      .join('')
  expect(join(['same', 'removed'])).toBe(before)
  expect(join(['same', 'added'])).toBe(after)
})
