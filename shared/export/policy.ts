import type { SegmentStatus } from '../model/index.ts'

/** Which translations an export writes: every non-empty one, or approved ones only. */
export const EXPORT_SCOPES = ['all', 'approved'] as const
export type ExportScope = (typeof EXPORT_SCOPES)[number]

/**
 * What a segment whose translation is not written becomes: its source text, nothing, or its
 * source between {@link MARK_OPEN} and {@link MARK_CLOSE} so a reader of the file sees at once
 * what still needs a translation.
 */
export const EXPORT_FALLBACKS = ['source', 'empty', 'marked'] as const
export type ExportFallback = (typeof EXPORT_FALLBACKS)[number]

export interface ExportPolicy {
  scope: ExportScope
  fallback: ExportFallback
}

/** What an export does when nobody chose otherwise: every translation, the rest in the source. */
export const DEFAULT_EXPORT_POLICY: ExportPolicy = { scope: 'all', fallback: 'source' }

/*
 * The marker is ASCII on purpose: every encoding an export can be written in (Windows-1251,
 * KOI8-R, Windows-1256 included) holds it, and a search for "[[" finds every marked segment.
 */
export const MARK_OPEN = '[['
export const MARK_CLOSE = ']]'

/** What the policy needs of a segment. */
export interface PolicySegment {
  source: string
  target: string
  status: SegmentStatus
}

export function isExportScope(value: unknown): value is ExportScope {
  return typeof value === 'string' && (EXPORT_SCOPES as readonly string[]).includes(value)
}

export function isExportFallback(value: unknown): value is ExportFallback {
  return typeof value === 'string' && (EXPORT_FALLBACKS as readonly string[]).includes(value)
}

/** A target of only spaces is no translation: the export never writes it. */
export function isTranslated(segment: PolicySegment): boolean {
  return segment.target.trim().length > 0
}

/** Whether the export writes the segment's translation (else the policy's fallback). */
export function writesTranslation(segment: PolicySegment, scope: ExportScope): boolean {
  return isTranslated(segment) && (scope === 'all' || segment.status === 'approved')
}

/** The text the export writes for one segment under `policy`. */
export function exportedText(segment: PolicySegment, policy: ExportPolicy): string {
  if (writesTranslation(segment, policy.scope)) return segment.target
  switch (policy.fallback) {
    case 'source':
      return segment.source
    case 'empty':
      return ''
    case 'marked':
      return `${MARK_OPEN}${segment.source}${MARK_CLOSE}`
  }
}

/**
 * The scope an export really uses: a project whose rule is "approved only" exports approved
 * translations whatever the request asked for.
 */
export function effectivePolicy(asked: ExportPolicy, approvedOnlyRule: boolean): ExportPolicy {
  return approvedOnlyRule ? { ...asked, scope: 'approved' } : asked
}
