import { tagKey, type TagRef } from '../model/index.ts'
import { isTranslated, writesTranslation, type ExportPolicy, type PolicySegment } from './policy.ts'

/** How many segment numbers a report lists per finding; the count says how many there are. */
export const REPORT_SEGMENT_LIMIT = 200

/**
 * One kind of problem a report looks for, judged segment by segment. The checks run in this
 * order and a segment may appear under several. A new check is one more entry in
 * {@link REPORT_CHECKS} and one more kind here. The tag checks judge translated segments only:
 * `tagsMissing` (a source tag absent from the target), `tagsExtra` (a target tag the source
 * lacks, or one placed twice) and `tagsOrder` (the tags both sides hold, in another order).
 */
export const REPORT_KINDS = [
  'untranslated',
  'notApproved',
  'tagsMissing',
  'tagsExtra',
  'tagsOrder',
] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** A segment as the report reads it: the policy's fields and, for formats with tags, its tags. */
export interface ReportSegment extends PolicySegment {
  /** The source's tags in document order. */
  sourceTags?: readonly TagRef[]
  /** The tags placed in the target, in document order. */
  targetTags?: readonly TagRef[]
}

interface ReportCheck {
  kind: ReportKind
  finds(segment: ReportSegment): boolean
}

/** How the target's tags differ from the source's. */
export function tagProblems(
  source: readonly TagRef[],
  target: readonly TagRef[],
): { missing: boolean; extra: boolean; reordered: boolean } {
  const sourceKeys = source.map(tagKey)
  const targetKeys = target.map(tagKey)
  const inSource = new Set(sourceKeys)
  const inTarget = new Set(targetKeys)
  const missing = sourceKeys.some((key) => !inTarget.has(key))
  const extra = targetKeys.some((key) => !inSource.has(key)) || inTarget.size !== targetKeys.length
  const shared = sourceKeys.filter((key) => inTarget.has(key))
  const placed = [...new Set(targetKeys.filter((key) => inSource.has(key)))]
  const reordered = shared.some((key, index) => placed[index] !== key)
  return { missing, extra, reordered }
}

function tagCheck(which: 'missing' | 'extra' | 'reordered') {
  return (segment: ReportSegment): boolean =>
    isTranslated(segment) && tagProblems(segment.sourceTags ?? [], segment.targetTags ?? [])[which]
}

const REPORT_CHECKS: readonly ReportCheck[] = [
  { kind: 'untranslated', finds: (segment) => !isTranslated(segment) },
  {
    kind: 'notApproved',
    finds: (segment) => isTranslated(segment) && segment.status !== 'approved',
  },
  { kind: 'tagsMissing', finds: tagCheck('missing') },
  { kind: 'tagsExtra', finds: tagCheck('extra') },
  { kind: 'tagsOrder', finds: tagCheck('reordered') },
]

/** The segments one check found: how many, and the first of them by 1-based number. */
export interface ReportFinding {
  kind: ReportKind
  count: number
  /** 1-based segment numbers, ascending, at most {@link REPORT_SEGMENT_LIMIT}. */
  segments: number[]
}

/** What an export under a policy will write, said before the file is made. */
export interface ExportReport {
  policy: ExportPolicy
  segments: number
  /** Segments whose translation is written. */
  translationsWritten: number
  /** Segments written as the policy's fallback (source, empty or marked). */
  fallbacks: number
  findings: ReportFinding[]
}

/** The pre-export report of `segments` (in document order) under `policy`. */
export function exportReport(
  segments: readonly ReportSegment[],
  policy: ExportPolicy,
): ExportReport {
  const findings: ReportFinding[] = REPORT_CHECKS.map((check) => ({
    kind: check.kind,
    count: 0,
    segments: [],
  }))
  let translationsWritten = 0
  segments.forEach((segment, index) => {
    if (writesTranslation(segment, policy.scope)) translationsWritten++
    REPORT_CHECKS.forEach((check, at) => {
      if (!check.finds(segment)) return
      const finding = findings[at]!
      finding.count++
      if (finding.segments.length < REPORT_SEGMENT_LIMIT) finding.segments.push(index + 1)
    })
  })
  return {
    policy,
    segments: segments.length,
    translationsWritten,
    fallbacks: segments.length - translationsWritten,
    findings,
  }
}
