import { describe, expect, test } from 'vitest'
import {
  REPORT_SEGMENT_LIMIT,
  effectivePolicy,
  exportReport,
  exportedText,
  tagProblems,
  type PolicySegment,
  type ReportSegment,
} from './index.ts'

const approved: PolicySegment = { source: 'Кітап', target: 'كتاب', status: 'approved' }
const translated: PolicySegment = { source: 'Қала', target: 'مدينة', status: 'translated' }
const rejected: PolicySegment = { source: 'Өзен', target: 'نهر', status: 'rejected' }
const empty: PolicySegment = { source: 'Тау', target: '', status: 'new' }
const spaces: PolicySegment = { source: 'Дала', target: '  ', status: 'draft' }

describe('exportedText', () => {
  test('scope all writes every non-empty translation whatever its status', () => {
    const policy = { scope: 'all', fallback: 'source' } as const
    expect([approved, translated, rejected].map((s) => exportedText(s, policy))).toEqual([
      'كتاب',
      'مدينة',
      'نهر',
    ])
  })

  test('scope approved writes approved translations only and the rest as the fallback', () => {
    const source = { scope: 'approved', fallback: 'source' } as const
    expect([approved, translated, empty].map((s) => exportedText(s, source))).toEqual([
      'كتاب',
      'Қала',
      'Тау',
    ])
    const blank = { scope: 'approved', fallback: 'empty' } as const
    expect([approved, translated, empty].map((s) => exportedText(s, blank))).toEqual([
      'كتاب',
      '',
      '',
    ])
  })

  test('the marked fallback wraps the source in [[ and ]]', () => {
    const marked = { scope: 'approved', fallback: 'marked' } as const
    expect(exportedText(translated, marked)).toBe('[[Қала]]')
    expect(exportedText(approved, marked)).toBe('كتاب')
  })

  test('a target of only spaces counts as no translation, even when approved', () => {
    const all = { scope: 'all', fallback: 'marked' } as const
    expect(exportedText(spaces, all)).toBe('[[Дала]]')
    expect(exportedText({ ...spaces, status: 'approved' }, all)).toBe('[[Дала]]')
  })
})

describe('effectivePolicy', () => {
  test('a project rule of approved only overrides the asked scope and keeps the fallback', () => {
    expect(effectivePolicy({ scope: 'all', fallback: 'marked' }, true)).toEqual({
      scope: 'approved',
      fallback: 'marked',
    })
    expect(effectivePolicy({ scope: 'all', fallback: 'empty' }, false)).toEqual({
      scope: 'all',
      fallback: 'empty',
    })
  })
})

describe('exportReport', () => {
  const segments = [approved, translated, empty, rejected, spaces]

  test('lists untranslated and translated-but-not-approved segments by 1-based number', () => {
    const report = exportReport(segments, { scope: 'all', fallback: 'source' })
    expect(report.findings).toEqual([
      { kind: 'untranslated', count: 2, segments: [3, 5] },
      { kind: 'notApproved', count: 2, segments: [2, 4] },
      { kind: 'tagsMissing', count: 0, segments: [] },
      { kind: 'tagsExtra', count: 0, segments: [] },
      { kind: 'tagsOrder', count: 0, segments: [] },
    ])
    expect(report.segments).toBe(5)
    expect(report.translationsWritten).toBe(3)
    expect(report.fallbacks).toBe(2)
  })

  test('under approved only, every segment but the approved one falls back', () => {
    const report = exportReport(segments, { scope: 'approved', fallback: 'empty' })
    expect(report.translationsWritten).toBe(1)
    expect(report.fallbacks).toBe(4)
    expect(report.policy).toEqual({ scope: 'approved', fallback: 'empty' })
  })

  test('counts every finding but lists at most the limit of segment numbers', () => {
    const many = Array.from({ length: REPORT_SEGMENT_LIMIT + 50 }, () => empty)
    const [untranslated] = exportReport(many, { scope: 'all', fallback: 'source' }).findings
    expect(untranslated!.count).toBe(REPORT_SEGMENT_LIMIT + 50)
    expect(untranslated!.segments).toHaveLength(REPORT_SEGMENT_LIMIT)
    expect(untranslated!.segments.at(-1)).toBe(REPORT_SEGMENT_LIMIT)
  })

  test('an empty document has nothing to report', () => {
    const report = exportReport([], { scope: 'approved', fallback: 'source' })
    expect(report.findings.every((finding) => finding.count === 0)).toBe(true)
    expect(report.fallbacks).toBe(0)
  })
})

describe('the tag check', () => {
  const bold = [
    { kind: 'open', n: 1 },
    { kind: 'close', n: 1 },
  ] as const
  const image = { kind: 'standalone', n: 2 } as const

  test('finds nothing when the target holds the source tags in their order', () => {
    expect(tagProblems([...bold, image], [...bold, image])).toEqual({
      missing: false,
      extra: false,
      reordered: false,
    })
  })

  test('tells a missing, an extra, a doubled and a moved tag apart', () => {
    expect(tagProblems([...bold, image], [...bold]).missing).toBe(true)
    expect(tagProblems([...bold], [...bold, image]).extra).toBe(true)
    expect(tagProblems([...bold], [...bold, bold[1]]).extra).toBe(true)
    expect(tagProblems([...bold, image], [image, ...bold])).toEqual({
      missing: false,
      extra: false,
      reordered: true,
    })
    // A missing tag alone is no reordering of the rest.
    expect(tagProblems([bold[0], image, bold[1]], [bold[0], bold[1]]).reordered).toBe(false)
  })

  test('the report lists translated segments with tag problems, not untranslated ones', () => {
    const segments: ReportSegment[] = [
      { ...translated, sourceTags: [...bold], targetTags: [bold[0]] },
      { ...approved, sourceTags: [image], targetTags: [image, image] },
      { ...translated, sourceTags: [...bold, image], targetTags: [image, ...bold] },
      { ...empty, sourceTags: [...bold], targetTags: [] },
    ]
    const findings = exportReport(segments, { scope: 'all', fallback: 'source' }).findings
    expect(findings.filter((finding) => finding.kind.startsWith('tags'))).toEqual([
      { kind: 'tagsMissing', count: 1, segments: [1] },
      { kind: 'tagsExtra', count: 1, segments: [2] },
      { kind: 'tagsOrder', count: 1, segments: [3] },
    ])
  })
})
