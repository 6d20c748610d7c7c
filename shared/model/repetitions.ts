import type * as Y from 'yjs'
import { foldText } from '../text/index.ts'
import {
  findSegmentIndex,
  isSegmentProtected,
  readMeta,
  segmentId,
  segmentSource,
  segmentStatus,
  segmentTarget,
  touchSegment,
} from './document.ts'
import type { TransactionOrigin } from './origin.ts'
import { SEGMENT_KEYS, segmentsArray, type SegmentMap, type SegmentStatus } from './schema.ts'
import {
  readLexicalText,
  readTargetContent,
  writeTargetContent,
  type TargetContent,
} from './targetText.ts'

/*
 * Repetitions: segments of one document whose sources are the same text. "The same" is decided
 * on the text as find and translation memory compare it (`foldText` with the source language:
 * case, Arabic harakat and spelling variants, digit shapes, space kinds), with leading and
 * trailing spaces and runs of spaces ignored. Digits keep their value, so "Том 1" and "Том 2"
 * are never repetitions.
 */

/** The key two sources share exactly when they repeat each other. */
export function repetitionKey(source: string, lang: string): string {
  return foldText(source, lang).replace(/\s+/g, ' ').trim()
}

/*
 * Each segment's key, remembered: a source never changes after import, and folding every source
 * of a 10,000-segment document again at each Ctrl+Enter would cost a few hundred milliseconds.
 */
const knownKeys = new WeakMap<SegmentMap, { lang: string; key: string }>()

function keyOf(segment: SegmentMap, lang: string): string {
  const known = knownKeys.get(segment)
  if (known !== undefined && known.lang === lang) return known.key
  const key = repetitionKey(segmentSource(segment), lang)
  knownKeys.set(segment, { lang, key })
  return key
}

/**
 * Segments a propagation may write: approved ones are locked (the server refuses a translator's
 * change to them) and a rejected one carries a reviewer's reason that concerns it alone, so the
 * translator answers it in the segment itself.
 */
const PROPAGATABLE: ReadonlySet<SegmentStatus> = new Set(['new', 'draft', 'translated'])

/** Whether a propagation may write `segment`: open for translation and not protected by its file. */
function mayPropagateTo(segment: SegmentMap): boolean {
  return PROPAGATABLE.has(segmentStatus(segment)) && !isSegmentProtected(segment)
}

/** Ids of the segments whose source repeats at least one other segment's, in document order. */
export function repeatedSegmentIds(doc: Y.Doc): Set<string> {
  const lang = readMeta(doc).sourceLang
  const byKey = new Map<string, string[]>()
  for (const segment of segmentsArray(doc)) {
    // Not translated at all, so never one of the repetitions a translator fills.
    if (isSegmentProtected(segment)) continue
    const key = keyOf(segment, lang)
    if (key === '') continue
    const ids = byKey.get(key)
    if (ids) ids.push(segmentId(segment))
    else byKey.set(key, [segmentId(segment)])
  }
  const repeated = new Set<string>()
  for (const ids of byKey.values()) if (ids.length > 1) for (const id of ids) repeated.add(id)
  return repeated
}

/**
 * The repetitions of segment `id` a propagation may write, in document order: same source
 * (see `repetitionKey`), not the segment itself, neither approved nor rejected. With
 * `differingOnly`, only those whose translation differs from the segment's.
 */
export function findRepetitions(
  doc: Y.Doc,
  id: string,
  { differingOnly = false }: { differingOnly?: boolean } = {},
): string[] {
  const index = findSegmentIndex(doc, id)
  if (index < 0) return []
  const segments = segmentsArray(doc)
  const original = segments.get(index)
  const lang = readMeta(doc).sourceLang
  const key = keyOf(original, lang)
  if (key === '') return []
  const translation = differingOnly ? readLexicalText(segmentTarget(original)) : ''
  const found: string[] = []
  segments.forEach((segment, each) => {
    if (each === index || !mayPropagateTo(segment)) return
    if (keyOf(segment, lang) !== key) return
    if (differingOnly && readLexicalText(segmentTarget(segment)) === translation) return
    found.push(segmentId(segment))
  })
  return found
}

/** What a propagation changed, enough to put it back (`revertPropagation`). */
export interface Propagation {
  /** The segments written, with the translation and status each had before. */
  previous: readonly { id: string; content: TargetContent; status: SegmentStatus }[]
  /** The translation written into each of them. */
  text: string
}

/**
 * Copies segment `fromId`'s translation, node for node (formats and inline nodes included), into
 * each segment of `toIds` and marks them `translated`, all in one transaction: one update for
 * the server to judge, one step to put back. Segments that are not propagatable when it runs
 * (approved or rejected meanwhile, unknown, or `fromId` itself) are left alone.
 *
 * Why `translated`: the translator chose to apply this translation to these segments, having
 * seen how many there are; that is the same decision as confirming each, and it is what
 * MateCat's and Trados's auto-propagation record (Trados marks the segment translated with an
 * "auto-propagated" origin). A reviewer still sees and approves each one.
 */
export function propagateTranslation(
  doc: Y.Doc,
  fromId: string,
  toIds: readonly string[],
  origin: TransactionOrigin & { kind: 'user' },
): Propagation {
  const fromIndex = findSegmentIndex(doc, fromId)
  if (fromIndex < 0) return { previous: [], text: '' }
  const from = segmentsArray(doc).get(fromIndex)
  const content = readTargetContent(segmentTarget(from))
  const text = readLexicalText(segmentTarget(from))
  const wanted = new Set(toIds)
  wanted.delete(fromId)
  const previous: Propagation['previous'][number][] = []
  if (wanted.size === 0) return { previous, text }
  doc.transact(() => {
    for (const segment of segmentsArray(doc)) {
      const id = segmentId(segment)
      if (!wanted.has(id) || !mayPropagateTo(segment)) continue
      const status = segmentStatus(segment)
      const target = segmentTarget(segment)
      previous.push({ id, content: readTargetContent(target), status })
      writeTargetContent(target, content)
      segment.set(SEGMENT_KEYS.status, 'translated')
      touchSegment(segment, origin.userId)
    }
  }, origin)
  return { previous, text }
}

/**
 * Puts back what `propagation` wrote, in one transaction, into each segment that still holds
 * exactly it (translated, same text): a segment edited or approved since is the newer work and
 * stays. A segment that was `new` goes back to `draft`, the closest status a translator may
 * set. Returns the ids put back.
 */
export function revertPropagation(
  doc: Y.Doc,
  propagation: Propagation,
  origin: TransactionOrigin & { kind: 'user' },
): string[] {
  const byId = new Map(propagation.previous.map((entry) => [entry.id, entry]))
  const reverted: string[] = []
  if (byId.size === 0) return reverted
  doc.transact(() => {
    for (const segment of segmentsArray(doc)) {
      const entry = byId.get(segmentId(segment))
      if (entry === undefined || segmentStatus(segment) !== 'translated') continue
      const target = segmentTarget(segment)
      if (readLexicalText(target) !== propagation.text) continue
      writeTargetContent(target, entry.content)
      const status = entry.status === 'new' ? 'draft' : entry.status
      if (status !== 'translated') segment.set(SEGMENT_KEYS.status, status)
      touchSegment(segment, origin.userId)
      reverted.push(entry.id)
    }
  }, origin)
  return reverted
}
