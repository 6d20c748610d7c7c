import { isTranslated, writesTranslation, type ExportPolicy, type PolicySegment } from './policy.ts'

/** How many segment numbers a report lists per finding; the count says how many there are. */
export const REPORT_SEGMENT_LIMIT = 200

/**
 * One kind of problem a report looks for, judged segment by segment. The checks run in this
 * order and a segment may appear under several. A new check (tag problems once targets carry
 * inline tags) is one more entry in {@link REPORT_CHECKS} and one more kind here.
 */
export const REPORT_KINDS = ['untranslated', 'notApproved'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

interface ReportCheck {
  kind: ReportKind
  finds(segment: PolicySegment): boolean
}

const REPORT_CHECKS: readonly ReportCheck[] = [
  { kind: 'untranslated', finds: (segment) => !isTranslated(segment) },
  {
    kind: 'notApproved',
    finds: (segment) => isTranslated(segment) && segment.status !== 'approved',
  },
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
  segments: readonly PolicySegment[],
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
