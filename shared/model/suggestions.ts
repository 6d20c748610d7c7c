import * as Y from 'yjs'
import { uuidv4 } from 'lib0/random'
import type { TransactionOrigin } from './origin.ts'
import {
  SEGMENT_KEYS,
  segmentsArray,
  type SegmentMap,
  type SegmentStatus,
  type Suggestion,
  type SuggestionOrigin,
} from './schema.ts'
import { segmentSuggestions, suggestionArray } from './readSuggestions.ts'
import {
  findSegmentIndex,
  segmentIndexes,
  segmentStatus,
  segmentTags,
  segmentTarget,
  targetTagged,
  touchSegment,
} from './document.ts'
import { sameTagged, validPlacedTags, type TaggedText } from './tags.ts'
import { readTargetContent, writeLexicalText, writeTargetContent } from './targetText.ts'
import type { TargetContent } from './targetText.ts'

/*
 * Suggestions: translations proposed from outside the editor (an edited review table), kept
 * beside the target instead of overwriting it. Each segment holds a Y.Array of plain objects
 * under `suggestions`. Only the server adds to it; a client removes an element when its user
 * accepts (in the same transaction that writes the target) or dismisses it. The server's
 * update validation enforces both (server/sync/validation).
 */

/** Most suggestions one segment keeps; a review table re-imported again and again adds no more. */
export const MAX_SEGMENT_SUGGESTIONS = 20
/** Longest suggestion text (characters), as long as a target may be by default. */
export const MAX_SUGGESTION_CHARS = 20_000

/** One suggestion to add: the segment and the proposed target. */
export interface SuggestionInit {
  segmentId: string
  proposal: TaggedText
}

/**
 * Adds suggestions, in one transaction with `origin` (the server's): each to its segment,
 * unless the segment already holds the same proposal or is full. Unknown segment ids are
 * skipped. Returns how many were added.
 */
export function addSuggestions(
  doc: Y.Doc,
  inits: readonly SuggestionInit[],
  meta: { author: string; origin: SuggestionOrigin; now: number },
  transactionOrigin: TransactionOrigin,
): number {
  const indexes = segmentIndexes(doc, new Set(inits.map((init) => init.segmentId)))
  let added = 0
  doc.transact(() => {
    for (const init of inits) {
      const index = indexes.get(init.segmentId)
      if (index === undefined) continue
      const segment = segmentsArray(doc).get(index)
      const text = init.proposal.text.slice(0, MAX_SUGGESTION_CHARS)
      const proposal = {
        text,
        tags: validPlacedTags(init.proposal.tags, segmentTags(segment), text.length),
      }
      const existing = segmentSuggestions(segment)
      if (existing.length >= MAX_SEGMENT_SUGGESTIONS) continue
      if (existing.some((each) => sameTagged(each, proposal))) continue
      let array = suggestionArray(segment)
      if (!array) {
        array = new Y.Array<unknown>()
        segment.set(SEGMENT_KEYS.suggestions, array)
      }
      array.push([
        {
          id: uuidv4(),
          text: proposal.text,
          tags: proposal.tags.map((tag) => ({ ...tag })),
          author: meta.author,
          origin: meta.origin,
          createdAt: meta.now,
        } satisfies Suggestion,
      ])
      added++
    }
  }, transactionOrigin)
  return added
}

/** Whether a user may still act on the segment's suggestions: an approved segment is locked. */
export function maySettleSuggestion(status: SegmentStatus): boolean {
  return status !== 'approved'
}

/** What an accepted suggestion replaced, enough to put it back (`revertAcceptance`). */
export interface Acceptance {
  segmentId: string
  previous: TargetContent
  previousStatus: SegmentStatus
  /** The translation the suggestion wrote. */
  accepted: TaggedText
}

function removeSuggestion(segment: SegmentMap, suggestionId: string): boolean {
  const array = suggestionArray(segment)
  if (!array) return false
  const index = array
    .toArray()
    .findIndex(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        (entry as Record<string, unknown>).id === suggestionId,
    )
  if (index < 0) return false
  array.delete(index, 1)
  return true
}

/**
 * Replaces the segment's target with the suggestion and removes the suggestion, in one
 * transaction (one update, one step to undo). A new or rejected segment becomes a draft.
 * Returns null, changing nothing, when the segment is approved or the suggestion is gone.
 */
export function acceptSuggestion(
  doc: Y.Doc,
  id: string,
  suggestionId: string,
  origin: TransactionOrigin & { kind: 'user' },
): Acceptance | null {
  const index = findSegmentIndex(doc, id)
  if (index < 0) return null
  const segment = segmentsArray(doc).get(index)
  const status = segmentStatus(segment)
  if (!maySettleSuggestion(status)) return null
  const suggestion = segmentSuggestions(segment).find((each) => each.id === suggestionId)
  if (!suggestion) return null
  const target = segmentTarget(segment)
  const acceptance: Acceptance = {
    segmentId: id,
    previous: readTargetContent(target),
    previousStatus: status,
    accepted: { text: suggestion.text, tags: suggestion.tags },
  }
  doc.transact(() => {
    removeSuggestion(segment, suggestionId)
    writeLexicalText(target, suggestion.text, suggestion.tags)
    if (status === 'new' || status === 'rejected') segment.set(SEGMENT_KEYS.status, 'draft')
    touchSegment(segment, origin.userId)
  }, origin)
  return acceptance
}

/**
 * Puts back the target an acceptance replaced, when the segment still holds what it wrote and
 * is not approved; the suggestion itself stays gone (only the server adds suggestions).
 * Returns whether it was put back.
 */
export function revertAcceptance(
  doc: Y.Doc,
  acceptance: Acceptance,
  origin: TransactionOrigin & { kind: 'user' },
): boolean {
  const index = findSegmentIndex(doc, acceptance.segmentId)
  if (index < 0) return false
  const segment = segmentsArray(doc).get(index)
  if (!maySettleSuggestion(segmentStatus(segment))) return false
  if (!sameTagged(targetTagged(segment), acceptance.accepted)) return false
  doc.transact(() => {
    writeTargetContent(segmentTarget(segment), acceptance.previous)
    const status = acceptance.previousStatus === 'new' ? 'draft' : acceptance.previousStatus
    // A translator may not move a draft back to rejected; the draft stays.
    if (status !== 'rejected' && status !== segmentStatus(segment)) {
      segment.set(SEGMENT_KEYS.status, status)
    }
    touchSegment(segment, origin.userId)
  }, origin)
  return true
}

/** Removes a suggestion without using it. Returns false when the segment is approved or it is gone. */
export function dismissSuggestion(
  doc: Y.Doc,
  id: string,
  suggestionId: string,
  origin: TransactionOrigin & { kind: 'user' },
): boolean {
  const index = findSegmentIndex(doc, id)
  if (index < 0) return false
  const segment = segmentsArray(doc).get(index)
  if (!maySettleSuggestion(segmentStatus(segment))) return false
  let removed = false
  doc.transact(() => {
    removed = removeSuggestion(segment, suggestionId)
  }, origin)
  return removed
}

/** Whether the segment has suggestions waiting, without reading them. */
export function hasSuggestions(segment: SegmentMap): boolean {
  const array = suggestionArray(segment)
  return array !== undefined && array.length > 0
}
