import { describe, expect, test } from 'vitest'
import { DEFAULT_EXPORT_POLICY } from '../../export/index.ts'
import { joinPieces, taggedPieces, type SegmentInit } from '../../model/index.ts'
import type { UnitSegment } from '../textUnits/index.ts'
import { parseMarkdown } from './parseMarkdown.ts'
import { readMarkdown } from './readMarkdown.ts'
import { writeMarkdown } from './writeMarkdown.ts'

/** A reversible stand-in for a translation, longer than its source: words upper-cased, doubled. */
const translate = (text: string) =>
  text.replace(/[\p{L}\p{N}]+/gu, (word) => `${word.toUpperCase()}-${word.toUpperCase()}`)

function segment(init: SegmentInit, target: string | null): UnitSegment {
  const sourceTags = init.sourceTags ?? []
  const tagged =
    target === null
      ? { text: '', tags: [] }
      : joinPieces(
          taggedPieces({ text: init.source, tags: [...sourceTags] }).map((piece) =>
            typeof piece === 'string' ? translate(piece) : piece,
          ),
        )
  return {
    paragraph: init.paragraph,
    before: init.before,
    source: init.source,
    target: target === null ? '' : tagged.text,
    status: target === null ? 'new' : 'translated',
    tags: init.tags ?? [],
    sourceTags,
    targetTags: tagged.tags,
  }
}

/** The Markdown exported with every segment translated (or none, with `translated` false). */
function exported(text: string, translated: boolean): string {
  const segments = parseMarkdown(text, 'ru').map((init) => segment(init, translated ? '' : null))
  return writeMarkdown(text, readMarkdown(text), segments, DEFAULT_EXPORT_POLICY)
}

const unitTexts = (text: string) => readMarkdown(text).units.map((unit) => unit.unit.text)

const WRAPPED = [
  '# Опись фонда',
  '',
  '> Фонд содержит письма Абая к сыну, дневники',
  '> его учеников и черновики переводов. Опись',
  '> составлена в 1958 году, дополнена позже.',
  '',
  '- Первое дело описи: письма и записки,',
  '  собранные в аулах Семипалатинской области.',
  '',
  'Последний абзац.  ',
  'Строка после жёсткого переноса.',
  '',
].join('\n')

describe('soft line breaks of Markdown', () => {
  test('an untranslated export is the original, byte for byte, CRLF and trailing blanks too', () => {
    expect(exported(WRAPPED, false)).toBe(WRAPPED)
    const crlf = 'Первая строка абзаца \r\nи вторая его строка.\r\n\r\n* Пункт\r\n  списка.\r\n'
    expect(exported(crlf, false)).toBe(crlf)
  })

  test('sentences on lines of their own stay on their lines, translated', () => {
    const text =
      'Первое предложение абзаца.\nВторое предложение.\nТретье.\n\n> Цитата.\n> Ещё одна.\n'
    expect(exported(text, true)).toBe(
      [
        'ПЕРВОЕ-ПЕРВОЕ ПРЕДЛОЖЕНИЕ-ПРЕДЛОЖЕНИЕ АБЗАЦА-АБЗАЦА.',
        'ВТОРОЕ-ВТОРОЕ ПРЕДЛОЖЕНИЕ-ПРЕДЛОЖЕНИЕ.',
        'ТРЕТЬЕ-ТРЕТЬЕ.',
        '',
        '> ЦИТАТА-ЦИТАТА.',
        '> ЕЩЁ-ЕЩЁ ОДНА-ОДНА.',
        '',
      ].join('\n'),
    )
  })

  test('a paragraph wrapped inside sentences is wrapped again in its container, and reads back', () => {
    const out = exported(WRAPPED, true)
    const lines = out.split('\n')
    const width = Math.max(...WRAPPED.split('\n').map((line) => line.length))
    // The quote's and the list item's lines keep their prefixes, none grows past the original's
    // longest line, and the quote takes more lines than the source's three (the text doubled).
    const quote = lines.slice(lines.indexOf('') + 1, lines.indexOf('', lines.indexOf('') + 1))
    expect(quote.length).toBeGreaterThan(3)
    expect(quote.every((line) => line.startsWith('> ') && line.length <= width)).toBe(true)
    const item = lines.slice(lines.findIndex((line) => line.startsWith('- ')))
    expect(item[0]!.length).toBeLessThanOrEqual(width)
    expect(item[1]!.startsWith('  ') && item[1]!.length <= width).toBe(true)
    // The hard break is written as the source has it; the heading stays on its line.
    expect(out).toContain('ПОСЛЕДНИЙ-ПОСЛЕДНИЙ АБЗАЦ-АБЗАЦ.  \nСТРОКА-СТРОКА')
    expect(lines[0]).toBe('# ОПИСЬ-ОПИСЬ ФОНДА-ФОНДА')
    // Read back: the same blocks, each unit the translation of the source's.
    expect(unitTexts(out)).toEqual(unitTexts(WRAPPED).map(translate))
  })
})
