import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  parseXliff12,
  parseXliff20,
  writeXliff12,
  writeXliff20,
  type ParsedXliff,
  type XliffTargetSegment,
} from '@qalam/shared/formats'
import type { SegmentInit } from '@qalam/shared/model'
import { transformTarget, untransformTarget } from './transformTarget.ts'

/*
 * Import → fill every target with a reversible transform of its source (tags kept) → export
 * → re-import: the same segments, targets and tags, and the parts of the file the export does
 * not own come back byte for byte.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/xliff')
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

type Version = {
  parse: (text: string) => ParsedXliff
  write: (text: string, segments: readonly XliffTargetSegment[], lang: string) => string
}
const V12: Version = { parse: parseXliff12, write: writeXliff12 }
const V20: Version = { parse: parseXliff20, write: writeXliff20 }

const FILES: Array<[string, Version]> = [
  ['features-1.2.xlf', V12],
  ['trados-like.sdlxliff', V12],
  ['memoq-like.mqxliff', V12],
  ['phrase-like.xlf', V12],
  ['features-2.0.xlf', V20],
]

const sourceOf = (segment: SegmentInit) => ({
  text: segment.source,
  tags: [...(segment.sourceTags ?? [])],
})

/** Every target filled, except those of protected (translate="no") units, kept as imported. */
function filled(parsed: ParsedXliff): XliffTargetSegment[] {
  return parsed.segments.map((segment) =>
    segment.isProtected === true
      ? {
          target: { text: segment.target ?? '', tags: [...(segment.targetTags ?? [])] },
          status: segment.status ?? 'new',
          tags: segment.tags ?? [],
        }
      : {
          target: transformTarget(sourceOf(segment)),
          status: 'translated',
          tags: segment.tags ?? [],
        },
  )
}

/** The file with everything the export owns taken out: targets, states, Trados' conf. */
function ownedPartsRemoved(xml: string): string {
  return xml
    .replace(/\s*<target\b[^>]*?(\/>|>[\s\S]*?<\/target>)/g, '')
    .replace(/\s(state|state-qualifier|subState|conf)="[^"]*"/g, '')
}

describe.each(FILES)('round trip of %s', (name, version) => {
  const original = read(name)
  const parsed = version.parse(original)

  test('exporting what was imported, unchanged, gives the file back byte for byte', () => {
    const unchanged: XliffTargetSegment[] = parsed.segments.map((segment) => ({
      target: { text: segment.target ?? '', tags: [...(segment.targetTags ?? [])] },
      status: segment.status ?? 'new',
      tags: segment.tags ?? [],
    }))
    expect(version.write(original, unchanged, 'kk')).toBe(original)
  })

  test('filled targets come back as the same segments, targets and tags', () => {
    const exported = version.write(original, filled(parsed), 'kk')
    const again = version.parse(exported)
    expect(again.segments.map((segment) => segment.source)).toEqual(
      parsed.segments.map((segment) => segment.source),
    )
    expect(again.segments.map((segment) => segment.sourceTags)).toEqual(
      parsed.segments.map((segment) => segment.sourceTags),
    )
    expect(again.segments.map((segment) => segment.tags)).toEqual(
      parsed.segments.map((segment) => segment.tags),
    )
    again.segments.forEach((segment, index) => {
      const before = parsed.segments[index]!
      const target = { text: segment.target ?? '', tags: [...(segment.targetTags ?? [])] }
      expect(segment.isProtected).toBe(before.isProtected)
      if (before.isProtected === true) {
        expect(segment.target).toBe(before.target)
        return
      }
      expect(untransformTarget(target)).toEqual(sourceOf(before))
      expect(segment.status).toBe('translated')
    })
    expect(ownedPartsRemoved(exported)).toBe(ownedPartsRemoved(original))
  })
})

describe('what XLIFF 1.2 files say', () => {
  test('segments follow seg-source markers, and Trados confirmation levels map to statuses', () => {
    const parsed = parseXliff12(read('trados-like.sdlxliff'))
    expect(parsed.sourceLang).toBe('ru-RU')
    expect(parsed.targetLang).toBe('ar-SA')
    expect(parsed.segments.map((s) => [s.source, s.status, s.target])).toEqual([
      ['Отчёт архива за 2025 год.', 'translated', 'تقرير الأرشيف لعام 2025.'],
      ['Всего поступило 412 дел.', 'new', ''],
      ['Фонд  описан полностью.', 'new', ''],
      ['ISBN 978-601-7040-00-0', 'new', ''],
    ])
    expect(parsed.segments[0]!.tags?.map((tag) => [tag.kind, tag.n])).toEqual([
      ['open', 1],
      ['close', 1],
    ])
  })

  test('units marked translate="no", alone or by their group, are shown protected and never written', () => {
    const original = read('features-1.2.xlf')
    const parsed = parseXliff12(original)
    const protectedSources = parsed.segments.filter((s) => s.isProtected).map((s) => s.source)
    expect(protectedSources).toEqual(['ISBN 978-601-7040-00-0', 'SKU-88'])
    const memoq = parseXliff12(read('memoq-like.mqxliff')).segments
    expect(memoq.map((s) => s.isProtected === true)).toEqual([false, false, true])
    // A target given to a protected segment is not written into the file.
    const written = parsed.segments.map((segment) => ({
      target: transformTarget(sourceOf(segment)),
      status: 'translated' as const,
      tags: segment.tags ?? [],
    }))
    const exported = writeXliff12(original, written, 'kk')
    expect(exported).not.toContain('sKU-88')
    expect(exported).toContain('<source>SKU-88</source>\n      </trans-unit>')
  })

  test('notes, states and alt-trans are read', () => {
    const [first, second, third] = parseXliff12(read('features-1.2.xlf')).segments.filter(
      (segment) => segment.isProtected !== true,
    )
    expect(first!.notes).toEqual(['Keep "Library" capitalised.'])
    expect(second!.status).toBe('translated')
    expect(second!.matches).toEqual([
      {
        source: 'Press the button to open the fonds list.',
        target: 'Қорлар тізімін ашу үшін батырманы басыңыз.',
        origin: 'archive-tm',
        quality: 87,
      },
    ])
    expect(third!.status).toBe('approved')
    expect(second!.tags?.find((tag) => tag.kind === 'open')?.display).toBe('<a href="/fonds">')
  })

  test('a target built for a unit segmented by markers keeps the seg-source around them', () => {
    const original = read('trados-like.sdlxliff')
    const parsed = parseXliff12(original)
    const exported = writeXliff12(original, filled(parsed), 'ar-SA')
    expect(exported).toContain(
      '<target xml:lang="ar-SA"><g id="pt9"><mrk mtype="seg" mid="3">⟨фОНД <x id="pt2"/> ОПИСАН ПОЛНОСТЬЮ.⟩</mrk></g></target>',
    )
    expect(exported).toContain('<sdl:seg id="2" conf="Translated"/>')
  })

  test('a status changed after import is written back, a kept one keeps the file value', () => {
    const original = read('features-1.2.xlf')
    const parsed = parseXliff12(original)
    const segments = filled(parsed)
    const manuscripts = parsed.segments.findIndex((s) => s.source.startsWith('Manuscripts'))
    segments[manuscripts] = { ...segments[manuscripts]!, status: 'approved' }
    const exported = writeXliff12(original, segments, 'kk')
    expect(exported).toContain('<target state="final">⟨mANUSCRIPTS')
    expect(exported).toContain('state="needs-review-translation" state-qualifier="leveraged-tm"')
  })
})

describe('what XLIFF 2.0 files say', () => {
  test('segments, originalData, notes, states and candidate matches are read', () => {
    const parsed = parseXliff20(read('features-2.0.xlf'))
    expect(parsed.segments.map((s) => [s.source, s.status])).toEqual([
      ['Фонд Абая и его школа.', 'new'],
      ['Рукописи XIX века.', 'translated'],
      ['ЦГА РК, ф. 64', 'new'],
      ['Опись первая.', 'approved'],
      ['Дело  12: письма.', 'new'],
      ['Конец описи.', 'new'],
    ])
    const first = parsed.segments[0]!
    expect(first.tags?.map((tag) => [tag.kind, tag.n, tag.display])).toEqual([
      ['open', 1, '<b>'],
      ['close', 1, '</b>'],
      ['standalone', 2, '<br/>'],
    ])
    expect(first.notes).toEqual(['Title of the fonds.'])
    expect(first.matches).toEqual([
      { source: 'Фонд Абая.', target: 'Абай қоры.', origin: 'archive-tm', quality: 92 },
    ])
    expect(parsed.segments[1]!.targetTags).toEqual([
      { kind: 'open', n: 1, offset: 4 },
      { kind: 'close', n: 1, offset: 9 },
    ])
  })

  test('a pair the translator crossed is written as sc/ec, so the file stays well-formed', () => {
    const original = read('features-2.0.xlf')
    const parsed = parseXliff20(original)
    const segments = filled(parsed)
    segments[0] = {
      ...segments[0]!,
      target: {
        text: 'Абай мен оның мектебі.',
        tags: [
          { kind: 'close', n: 1, offset: 0 },
          { kind: 'open', n: 1, offset: 4 },
          { kind: 'standalone', n: 2, offset: 4 },
        ],
      },
    }
    const exported = writeXliff20(original, segments, 'kk')
    expect(exported).toContain(
      '<target><ec startRef="1"/>Абай<sc id="1"/><ph id="2" dataRef="d3"/> мен',
    )
    expect(() => parseXliff20(exported)).not.toThrow()
  })
})
