import type * as Y from 'yjs'
import {
  addSuggestions,
  parseMarkedText,
  sameTagged,
  segmentAt,
  segmentIndexes,
  segmentStatus,
  segmentTags,
  targetTagged,
  type SuggestionInit,
  type TransactionOrigin,
} from '@qalam/shared/model'
import { textFingerprint, type ReviewRead } from '@qalam/shared/formats'

/** What a review table's re-import did, row by row, for the report the uploader sees. */
export interface ReviewImportReport {
  /** Rows that carry a segment key. */
  rows: number
  /** Rows whose segment id is one of the document's. */
  matched: number
  /** Matched rows whose target differs from both the export and the segment now: suggestions. */
  changed: number
  unchanged: number
  /** Rows whose segment id the document does not have (edited, or from another version). */
  unknownIds: number
  /** Changed rows of approved segments: left out, the segment is locked. */
  lockedSkipped: number
  /** Rows naming a segment an earlier row already named: only the first counts. */
  duplicates: number
  /** Suggestions added (a changed row whose proposal the segment already holds adds none). */
  added: number
}

/**
 * Turns the rows of an edited review table into suggestions on `doc`, in one transaction with
 * `origin`. A row is a change when the reviewer edited its target (it differs from the
 * fingerprint of what was exported) and it differs from the segment's target now; an approved
 * segment takes no suggestion. Empty targets propose nothing.
 */
export function applyReviewRows(
  doc: Y.Doc,
  read: ReviewRead,
  author: string,
  now: number,
  origin: TransactionOrigin,
): ReviewImportReport {
  const report: ReviewImportReport = {
    rows: read.rows.length,
    matched: 0,
    changed: 0,
    unchanged: 0,
    unknownIds: 0,
    lockedSkipped: 0,
    duplicates: 0,
    added: 0,
  }
  const indexes = segmentIndexes(doc, new Set(read.rows.map((row) => row.segmentId)))
  const seen = new Set<string>()
  const inits: SuggestionInit[] = []
  for (const row of read.rows) {
    const index = indexes.get(row.segmentId)
    if (index === undefined) {
      report.unknownIds++
      continue
    }
    if (seen.has(row.segmentId)) {
      report.duplicates++
      continue
    }
    seen.add(row.segmentId)
    report.matched++
    const segment = segmentAt(doc, index)!
    const proposal = parseMarkedText(row.target, segmentTags(segment))
    const isEdited = textFingerprint(row.target) !== row.fingerprint
    if (!isEdited || proposal.text.trim() === '' || sameTagged(proposal, targetTagged(segment))) {
      report.unchanged++
      continue
    }
    if (segmentStatus(segment) === 'approved') {
      report.lockedSkipped++
      continue
    }
    report.changed++
    inits.push({ segmentId: row.segmentId, proposal })
  }
  if (inits.length > 0) {
    report.added = addSuggestions(doc, inits, { author, origin: 'review-docx', now }, origin)
  }
  return report
}
