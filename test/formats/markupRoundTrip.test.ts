import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  parseHtml,
  parseMarkdown,
  rebuildPlainText,
  readHtml,
  readMarkdown,
  writeHtml,
  writeMarkdown,
  type UnitSegment,
} from '@qalam/shared/formats'
import { DEFAULT_EXPORT_POLICY } from '@qalam/shared/export'
import type { SegmentInit } from '@qalam/shared/model'
import { transformTarget } from './transformTarget.ts'

/*
 * HTML and Markdown: import → fill every target with a reversible transform of its source
 * (tags kept) → export → re-import: every unit comes back as the transformed text with the
 * same tags (kind and markup) in the same places, and everything outside the units, the
 * non-text bytes, is the original's.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/markup')
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

interface Format {
  parse: (text: string) => SegmentInit[]
  write: (text: string, segments: readonly UnitSegment[]) => string
  /** The text with every unit's range cut out: what the export must never change. */
  skeleton: (text: string) => string
}

const cut = (text: string, units: ReadonlyArray<{ start: number; end: number }>) => {
  let out = ''
  let at = 0
  for (const unit of [...units].sort((a, b) => a.start - b.start)) {
    if (unit.start < at) continue
    out += text.slice(at, unit.start) + '\u0000'
    at = unit.end
  }
  return out + text.slice(at)
}

const HTML: Format = {
  parse: (text) => parseHtml(text, 'ru'),
  write: (text, segments) => writeHtml(text, readHtml(text), segments, DEFAULT_EXPORT_POLICY, 'kk'),
  // The export sets lang (and dir) on <html>: that one tag is the export's too.
  skeleton: (text) => cut(text, readHtml(text).units).replace(/<html[^>]*>/, '<html>'),
}
const MARKDOWN: Format = {
  parse: (text) => parseMarkdown(text, 'ru'),
  write: (text, segments) =>
    writeMarkdown(text, readMarkdown(text), segments, DEFAULT_EXPORT_POLICY),
  skeleton: (text) => cut(text, readMarkdown(text).units),
}

const asSegments = (inits: readonly SegmentInit[], fill: boolean): UnitSegment[] =>
  inits.map((init) => {
    const target = fill
      ? transformTarget({ text: init.source, tags: [...(init.sourceTags ?? [])] })
      : { text: '', tags: [] }
    return {
      paragraph: init.paragraph,
      before: init.before,
      source: init.source,
      target: target.text,
      status: fill ? 'translated' : 'new',
      tags: init.tags ?? [],
      sourceTags: init.sourceTags ?? [],
      targetTags: target.tags,
    }
  })

/** Each paragraph as one text with its tags' kind and markup at paragraph offsets. */
function paragraphs(inits: readonly SegmentInit[], side: 'source' | 'transformed') {
  const byParagraph = new Map<number, { text: string; tags: string[] }>()
  for (const init of inits) {
    const entry = byParagraph.get(init.paragraph) ?? { text: '', tags: [] }
    if (entry.text !== '' || byParagraph.has(init.paragraph)) entry.text += init.before
    const tagged =
      side === 'source'
        ? { text: init.source, tags: init.sourceTags ?? [] }
        : transformTarget({ text: init.source, tags: [...(init.sourceTags ?? [])] })
    for (const placed of tagged.tags) {
      const tag = init.tags?.find((each) => each.kind === placed.kind && each.n === placed.n)
      // A tag's own translatable attributes are units of their own (checked as such).
      const markup = (tag?.data ?? '').replace(/\b(title|alt)="[^"]*"/g, '$1=""')
      entry.tags.push(`${entry.text.length + placed.offset}:${placed.kind}:${markup}`)
    }
    entry.text += tagged.text
    byParagraph.set(init.paragraph, entry)
  }
  return [...byParagraph.values()]
}

describe.each([
  ['archive-page.html', HTML],
  ['guide.md', MARKDOWN],
])('round trip of %s', (name, format) => {
  const original = read(name)
  const first = format.parse(original)

  test('reads text, tags and translatable attributes, and nothing protected', () => {
    const sources = first.map((init) => init.source).join('\n')
    expect(first.length).toBeGreaterThan(15)
    expect(first.some((init) => (init.tags ?? []).length > 0)).toBe(true)
    for (const protectedText of ['не переводить', 'grep', 'HTML-блок', 'Лист', 'title:']) {
      expect(sources).not.toContain(protectedText)
    }
  })

  test('filled targets come back as the same units with the same tags', () => {
    const exported = format.write(original, asSegments(first, true))
    const again = format.parse(exported)
    expect(paragraphs(again, 'source')).toEqual(paragraphs(first, 'transformed'))
  })

  test('everything outside the translated text keeps its bytes', () => {
    const exported = format.write(original, asSegments(first, true))
    expect(format.skeleton(exported)).toBe(format.skeleton(original))
  })

  test('a plain-text export keeps a blank line between units', () => {
    const text = rebuildPlainText(
      first.map((init) => ({ before: init.before, text: init.source })),
      '',
    )
    expect(text.split('\n\n')).toHaveLength(new Set(first.map((init) => init.paragraph)).size)
  })

  test('untranslated segments export as the source: the same units again', () => {
    const exported = format.write(original, asSegments(first, false))
    expect(format.parse(exported)).toEqual(first)
  })
})

describe('HTML specifics', () => {
  const page = read('archive-page.html')
  const segments = parseHtml(page, 'ru')
  const sources = segments.map((segment) => segment.source)

  test('attributes of HTML/ITS conventions are their own segments', () => {
    for (const text of [
      'Фонд 12 — письма Абая',
      'Опись фонда: письма, рукописи и фотографии.',
      'Главное меню',
      'На главную',
      'Читальный зал №3',
      'Печать архива',
      'Поиск по описи',
      'Найти',
    ]) {
      expect(sources).toContain(text)
    }
  })

  test('inline code and translate="no" become one protected tag', () => {
    const product = segments.find((segment) => segment.source.startsWith('Продукт'))!
    // One blank on each side of the protected name: blanks never collapse across a tag.
    expect(product.source).toBe('Продукт  помогает переводчикам.')
    expect(product.tags?.[0]).toMatchObject({
      kind: 'standalone',
      data: '<span translate="no">Qalam</span>',
    })
    const command = segments.find((segment) => segment.source.startsWith('Команда'))!
    expect(command.tags?.map((tag) => tag.data)).toContain('<code>cat опись.txt</code>')
  })

  test('sets lang and an rtl dir for Arabic, keeps the rest of the html tag', () => {
    const exported = writeHtml(
      page,
      readHtml(page),
      asSegments(segments, true),
      DEFAULT_EXPORT_POLICY,
      'ar',
    )
    expect(exported).toMatch(/<html dir="rtl" lang="ar">/)
    const kazakh = writeHtml(
      page,
      readHtml(page),
      asSegments(segments, true),
      DEFAULT_EXPORT_POLICY,
      'kk',
    )
    expect(kazakh).toMatch(/<html lang="kk">/)
  })

  test('refuses nesting deeper than the limit', () => {
    const deep = '<div>'.repeat(2000) + 'text' + '</div>'.repeat(2000)
    expect(() => parseHtml(deep, 'en')).toThrow(expect.objectContaining({ code: 'too_deep' }))
  })
})

describe('Markdown specifics', () => {
  const guide = read('guide.md')
  const segments = parseMarkdown(guide, 'ru')

  test('a link keeps its URL in a tag and its text translatable', () => {
    const link = segments.find((segment) => segment.source.includes('рукописи Абая'))!
    expect(link.tags?.map((tag) => tag.data)).toEqual([
      '**',
      '**',
      '[',
      '](https://archive.example/fonds/12 "Фонд 12")',
    ])
  })

  test('emphasis, strike-through and inline code become tags', () => {
    const item = segments.find((segment) => segment.source.startsWith('Нумерованный'))!
    expect(item.source).toBe('Нумерованный пункт с зачёркнутым текстом')
    expect(item.tags?.map((tag) => tag.data)).toEqual(['~~', '~~'])
    const code = segments.find((segment) => segment.source.startsWith('Команда'))!
    expect(code.tags?.map((tag) => tag.data)).toContain('`cat опись.txt`')
  })

  test('a table cell is a unit and an escaped pipe stays in its cell', () => {
    expect(segments.map((segment) => segment.source)).toContain('Рукописи \\| черновики')
  })
})
