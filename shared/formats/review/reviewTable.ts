import type { DocumentMeta, ExportedSegment, SegmentStatus } from '../../model/index.ts'
import { SEGMENT_STATUSES, markedText } from '../../model/index.ts'
import type { InlineTag, TaggedText } from '../../model/index.ts'

/*
 * A bilingual review table: one row per segment (number, source, target, status, comment),
 * for a reviewer who works in a word processor or a browser. Inline tags are shown as
 * markers (`⟦1⟧`, `⟦/1⟧`, `⟦2/⟧`) that the re-import turns back into the segment's tags.
 * Each row carries the segment id and a fingerprint of the exported target, hidden, so that
 * the re-import matches rows by id, never by position, and can tell a row the reviewer left
 * alone from one they changed even if the translator has edited the segment since.
 */

export const REVIEW_LOCALES = ['en', 'ru', 'kk', 'ar'] as const
export type ReviewLocale = (typeof REVIEW_LOCALES)[number]

export function isReviewLocale(value: unknown): value is ReviewLocale {
  return typeof value === 'string' && (REVIEW_LOCALES as readonly string[]).includes(value)
}

export interface ReviewRow {
  /** 1-based, as the editor's grid shows it. */
  number: number
  segmentId: string
  source: TaggedText
  target: TaggedText
  tags: InlineTag[]
  status: SegmentStatus
  comment: string
}

export interface ReviewTable {
  documentId: string
  title: string
  sourceLang: string
  targetLang: string
  /** When the table was made, ms since epoch. */
  createdAt: number
  counts: Record<SegmentStatus, number>
  rows: ReviewRow[]
}

/** The review table of a document's segments as they stand. */
export function reviewTableOf(
  documentId: string,
  meta: DocumentMeta,
  segments: readonly ExportedSegment[],
  now: number,
): ReviewTable {
  const counts = Object.fromEntries(SEGMENT_STATUSES.map((status) => [status, 0])) as Record<
    SegmentStatus,
    number
  >
  const rows = segments.map((segment): ReviewRow => {
    counts[segment.status]++
    return {
      number: segment.index + 1,
      segmentId: segment.id,
      source: { text: segment.source, tags: segment.sourceTags },
      target: { text: segment.target, tags: segment.targetTags },
      tags: segment.tags,
      status: segment.status,
      comment: segment.reviewNote,
    }
  })
  return {
    documentId,
    title: meta.title,
    sourceLang: meta.sourceLang,
    targetLang: meta.targetLang,
    createdAt: now,
    counts,
    rows,
  }
}

/**
 * A short fingerprint of a cell's text (FNV-1a, 32 bits, hex): enough to tell whether a
 * reviewer changed what was exported. Not a protection against forgery, which only decides
 * whether a row becomes a suggestion a translator then reads.
 */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** The hidden text a row carries: segment id and the fingerprint of the exported target. */
export function rowKey(row: ReviewRow): string {
  return `${ROW_KEY_PREFIX}${row.segmentId}:${textFingerprint(markedText(row.target))}`
}

export const ROW_KEY_PREFIX = 'qalam-segment:'
/** The hidden text naming the document a table was made from. */
export const TABLE_KEY_PREFIX = 'qalam-review:'

/** Reads a row key back; null when it is not one. */
export function parseRowKey(text: string): { segmentId: string; fingerprint: string } | null {
  const match = /qalam-segment:([A-Za-z0-9-]{1,100}):([0-9a-f]{8})/.exec(text)
  return match ? { segmentId: match[1]!, fingerprint: match[2]! } : null
}

/** Reads a table key back; null when it is not one. */
export function parseTableKey(text: string): string | null {
  const match = /qalam-review:([A-Za-z0-9-]{1,100})/.exec(text)
  return match ? match[1]! : null
}
