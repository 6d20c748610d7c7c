import * as Y from 'yjs'
import { getRandomValues } from 'lib0/webcrypto'
import { countWords } from '../text/index.ts'
import type { TransactionOrigin } from './origin.ts'
import {
  META_KEYS,
  SEGMENT_KEYS,
  isSegmentStatus,
  metaMap,
  segmentsArray,
  MAX_REVIEW_NOTE_LENGTH,
  isDocumentFormat,
  type DocumentFormat,
  type DocumentMeta,
  type ImportedMatch,
  type SegmentInit,
  type SegmentMap,
  type SegmentStatus,
  type SegmentView,
} from './schema.ts'
import { segmentSuggestions } from './readSuggestions.ts'
import { readLexicalTagged, readLexicalText, writeLexicalText } from './targetText.ts'
import { validPlacedTags, validTags, type InlineTag, type TaggedText } from './tags.ts'

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
/** Random bytes drawn 4 kB at a time: one system call per 256 ids, not one per hex digit. */
const idPool = new Uint8Array(4096)
let idPoolAt = idPool.length

/**
 * A fresh, unguessable-enough segment id (a random UUID v4); stable for the life of the
 * segment. An import of 10,000 segments makes 10,000 of them, so they come from a pool.
 */
export function newSegmentId(): string {
  if (idPoolAt + 16 > idPool.length) {
    getRandomValues(idPool)
    idPoolAt = 0
  }
  const b = idPool.subarray(idPoolAt, idPoolAt + 16)
  idPoolAt += 16
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = (from: number, to: number) => {
    let out = ''
    for (let i = from; i < to; i++) out += HEX[b[i]!]!
    return out
  }
  return `${hex(0, 4)}-${hex(4, 6)}-${hex(6, 8)}-${hex(8, 10)}-${hex(10, 16)}`
}

/**
 * Writes meta and segments into an empty doc in one transaction.
 * A segment starts with the target and status its init carries, else `new` and empty; an empty
 * target already holds the one empty paragraph an editor types into.
 */
export function initDocument(
  doc: Y.Doc,
  meta: DocumentMeta,
  segments: readonly SegmentInit[],
  origin: TransactionOrigin,
): void {
  doc.transact(() => {
    const m = metaMap(doc)
    m.set(META_KEYS.title, meta.title)
    m.set(META_KEYS.sourceLang, meta.sourceLang)
    m.set(META_KEYS.targetLang, meta.targetLang)
    m.set(META_KEYS.createdAt, meta.createdAt)
    m.set(META_KEYS.trailing, meta.trailing)
    if (meta.sourceEncoding !== undefined) m.set(META_KEYS.sourceEncoding, meta.sourceEncoding)
    if (meta.sourceFormat !== undefined) m.set(META_KEYS.sourceFormat, meta.sourceFormat)
    appendSegments(doc, segments, origin)
  }, origin)
}

/**
 * Adds segments after the last one, as `initDocument` writes them, in one transaction. For
 * building a large document in parts (one update each); never for a document people edit,
 * whose segments are fixed once it is imported.
 */
export function appendSegments(
  doc: Y.Doc,
  segments: readonly SegmentInit[],
  origin: TransactionOrigin,
): void {
  doc.transact(() => {
    const maps = segments.map((init) => {
      const map = new Y.Map<unknown>()
      map.set(SEGMENT_KEYS.id, newSegmentId())
      map.set(SEGMENT_KEYS.source, init.source)
      map.set(SEGMENT_KEYS.target, new Y.XmlText())
      map.set(SEGMENT_KEYS.status, init.status ?? 'new')
      map.set(SEGMENT_KEYS.paragraph, init.paragraph)
      map.set(SEGMENT_KEYS.before, init.before)
      const breaks = validSourceBreaks(init.source, init.sourceBreaks)
      if (breaks.length > 0) map.set(SEGMENT_KEYS.sourceBreaks, breaks)
      const tags = validTags(init.tags)
      if (tags.length > 0) {
        map.set(SEGMENT_KEYS.tags, tags)
        map.set(SEGMENT_KEYS.sourceTags, validPlacedTags(init.sourceTags, tags, init.source.length))
      }
      if (init.notes && init.notes.length > 0) map.set(SEGMENT_KEYS.notes, [...init.notes])
      if (init.isProtected === true) map.set(SEGMENT_KEYS.protected, true)
      if (init.matches && init.matches.length > 0) {
        map.set(
          SEGMENT_KEYS.matches,
          init.matches.map((match) => ({ ...match })),
        )
      }
      return map
    })
    segmentsArray(doc).push(maps)
    // Lexical's layout nests shared types, which can only be written once the target is in the
    // doc. An empty target gets its one empty paragraph here, once: left to the editors, two
    // translators typing into a fresh segment at once would each create a first paragraph,
    // both would survive the merge, and the translation would gain a stray line break.
    segments.forEach((init, index) => {
      const target = init.target ?? ''
      const tags = validTags(init.tags)
      writeLexicalText(
        segmentTarget(maps[index]!),
        target,
        validPlacedTags(init.targetTags, tags, target.length),
      )
    })
  }, origin)
}

/**
 * The offsets that can be sentence breaks of `source`: inside it, strictly increasing, each at
 * the start of a non-space character. Anything else is dropped, so a stored list is always usable.
 */
export function validSourceBreaks(source: string, breaks: readonly number[] = []): number[] {
  const valid: number[] = []
  for (const offset of breaks) {
    const previous = valid[valid.length - 1] ?? 0
    if (!Number.isInteger(offset) || offset <= previous || offset >= source.length) continue
    if (/\s/.test(source[offset]!)) continue
    valid.push(offset)
  }
  return valid
}

/** Where the second and later sentences of a segment's source begin; empty for one sentence. */
export function segmentSourceBreaks(segment: SegmentMap): number[] {
  const stored = segment.get(SEGMENT_KEYS.sourceBreaks)
  if (!Array.isArray(stored)) return []
  return validSourceBreaks(
    segmentSource(segment),
    stored.filter((offset): offset is number => typeof offset === 'number'),
  )
}

export function readMeta(doc: Y.Doc): DocumentMeta {
  const m = metaMap(doc)
  return {
    title: String(m.get(META_KEYS.title) ?? ''),
    sourceLang: String(m.get(META_KEYS.sourceLang) ?? ''),
    targetLang: String(m.get(META_KEYS.targetLang) ?? ''),
    createdAt: Number(m.get(META_KEYS.createdAt) ?? 0),
    trailing: String(m.get(META_KEYS.trailing) ?? ''),
    sourceEncoding: String(m.get(META_KEYS.sourceEncoding) ?? 'utf-8'),
    sourceFormat: isDocumentFormat(m.get(META_KEYS.sourceFormat))
      ? (m.get(META_KEYS.sourceFormat) as DocumentFormat)
      : 'txt',
  }
}

export function segmentCount(doc: Y.Doc): number {
  return segmentsArray(doc).length
}

export function segmentAt(doc: Y.Doc, index: number): SegmentMap | undefined {
  return segmentsArray(doc).get(index)
}

export function segmentId(segment: SegmentMap): string {
  return String(segment.get(SEGMENT_KEYS.id))
}

export function segmentSource(segment: SegmentMap): string {
  return String(segment.get(SEGMENT_KEYS.source) ?? '')
}

export function segmentStatus(segment: SegmentMap): SegmentStatus {
  const status = segment.get(SEGMENT_KEYS.status)
  return isSegmentStatus(status) ? status : 'new'
}

/** The XmlText the Lexical binding edits. */
export function segmentTarget(segment: SegmentMap): Y.XmlText {
  const target = segment.get(SEGMENT_KEYS.target)
  if (!(target instanceof Y.XmlText)) throw new Error(`segment ${segmentId(segment)} has no target`)
  return target
}

/**
 * Calls `listener` with the new status after each transaction that changes the segment's
 * status, in the same task that applied it (before any later event, a keystroke included);
 * `isLocal` tells a change made here from one received.
 */
export function observeSegmentStatus(
  segment: SegmentMap,
  listener: (status: SegmentStatus, isLocal: boolean) => void,
): () => void {
  const observer = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(SEGMENT_KEYS.status))
      listener(segmentStatus(segment), event.transaction.local)
  }
  segment.observe(observer)
  return () => segment.unobserve(observer)
}

/** Plain text of the segment's translation. */
export function targetText(segment: SegmentMap): string {
  return readLexicalText(segmentTarget(segment))
}

/** The segment's inline tags, as imported; empty for a segment without markup. */
export function segmentTags(segment: SegmentMap): InlineTag[] {
  return validTags(segment.get(SEGMENT_KEYS.tags))
}

/** The segment's source with its tags in place. */
export function sourceTagged(segment: SegmentMap): TaggedText {
  const text = segmentSource(segment)
  const stored = segment.get(SEGMENT_KEYS.sourceTags)
  return { text, tags: validPlacedTags(stored, segmentTags(segment), text.length) }
}

/** The segment's translation with the tags its editor holds, in place (unknown tags left out). */
export function targetTagged(segment: SegmentMap): TaggedText {
  const tagged = readLexicalTagged(segmentTarget(segment))
  const tags = segmentTags(segment)
  return { text: tagged.text, tags: validPlacedTags(tagged.tags, tags, tagged.text.length) }
}

/**
 * The document index of each of `ids` that is a segment of `doc`, in one pass over the
 * segments; ids of no segment are left out.
 */
export function segmentIndexes(doc: Y.Doc, ids: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>()
  const segments = segmentsArray(doc)
  for (let i = 0; i < segments.length && found.size < ids.size; i++) {
    const id = segments.get(i).get(SEGMENT_KEYS.id)
    if (typeof id === 'string' && ids.has(id)) found.set(id, i)
  }
  return found
}

/**
 * Where each segment id was last found, per segments array: a status change in a 10,000-segment
 * document (a translator's first letter in a segment makes it a draft) then finds its segment at
 * once instead of scanning. A remembered index is checked before it is trusted.
 */
const knownIndexes = new WeakMap<Y.Array<SegmentMap>, Map<string, number>>()

/** The index of the segment with this id, or -1. */
export function findSegmentIndex(doc: Y.Doc, id: string): number {
  const segments = segmentsArray(doc)
  let known = knownIndexes.get(segments)
  const remembered = known?.get(id)
  if (remembered !== undefined && segments.get(remembered)?.get(SEGMENT_KEYS.id) === id)
    return remembered
  known = new Map()
  let found = -1
  segments.forEach((segment, index) => {
    const each = segment.get(SEGMENT_KEYS.id)
    if (typeof each === 'string' && !known.has(each)) known.set(each, index)
    if (found < 0 && each === id) found = index
  })
  knownIndexes.set(segments, known)
  return found
}

export function getSegment(doc: Y.Doc, id: string): SegmentMap | undefined {
  const index = findSegmentIndex(doc, id)
  return index < 0 ? undefined : segmentAt(doc, index)
}

/** Whether the file said this segment is not to be translated (then no one may change it). */
export function isSegmentProtected(segment: SegmentMap): boolean {
  return segment.get(SEGMENT_KEYS.protected) === true
}

export function readSegment(segment: SegmentMap, index: number): SegmentView {
  return {
    ...readExportedSegment(segment, index),
    matches: readMatches(segment.get(SEGMENT_KEYS.matches)),
    suggestions: segmentSuggestions(segment),
  }
}

/**
 * What every export reads of a segment: `SegmentView` without the imported matches and the
 * suggestions, which only the editor shows and a 10,000-segment export would copy for nothing.
 */
export type ExportedSegment = Omit<SegmentView, 'matches' | 'suggestions'>

/**
 * A whole document as its exports read it, plain data: read once from the Y.Doc (the room's,
 * or one replayed in a worker), it crosses to the worker that writes the file as JSON.
 */
export interface DocumentExportView {
  meta: DocumentMeta
  segments: ExportedSegment[]
}

export function readExportedSegment(segment: SegmentMap, index: number): ExportedSegment {
  const updatedBy = segment.get(SEGMENT_KEYS.updatedBy)
  const updatedAt = segment.get(SEGMENT_KEYS.updatedAt)
  const tags = segmentTags(segment)
  // A segment without tags skips the tagged reading: plain-text documents pay nothing.
  const target: TaggedText =
    tags.length > 0 ? targetTagged(segment) : { text: targetText(segment), tags: [] }
  return {
    index,
    id: segmentId(segment),
    source: segmentSource(segment),
    target: target.text,
    status: segmentStatus(segment),
    updatedBy: typeof updatedBy === 'string' ? updatedBy : null,
    updatedAt: typeof updatedAt === 'number' ? updatedAt : null,
    paragraph: Number(segment.get(SEGMENT_KEYS.paragraph) ?? 0),
    before: String(segment.get(SEGMENT_KEYS.before) ?? ''),
    reviewNote: String(segment.get(SEGMENT_KEYS.reviewNote) ?? ''),
    sourceBreaks: segmentSourceBreaks(segment),
    tags,
    sourceTags: tags.length > 0 ? sourceTagged(segment).tags : [],
    targetTags: target.tags,
    notes: readStrings(segment.get(SEGMENT_KEYS.notes)),
    isProtected: isSegmentProtected(segment),
  }
}

export function readDocumentExportView(doc: Y.Doc): DocumentExportView {
  return { meta: readMeta(doc), segments: Array.from(eachExportedSegment(doc)) }
}

/** The segments of the export view one at a time: a writer that goes on holds one copy. */
export function* eachExportedSegment(doc: Y.Doc): Generator<ExportedSegment> {
  let index = 0
  for (const segment of segmentsArray(doc)) yield readExportedSegment(segment, index++)
}

function readStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

function readMatches(value: unknown): ImportedMatch[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return []
    const { source, target, origin, quality } = entry as Record<string, unknown>
    if (typeof source !== 'string' || typeof target !== 'string') return []
    return [
      {
        source,
        target,
        origin: typeof origin === 'string' ? origin : '',
        quality: typeof quality === 'number' && Number.isFinite(quality) ? quality : null,
      },
    ]
  })
}

/**
 * Replaces a segment's translation with a tagged text (tests, scripts, imports of
 * translations); tags not in the segment's list are left out.
 */
export function setTargetTagged(doc: Y.Doc, id: string, target: TaggedText, userId: string): void {
  const segment = requireSegment(doc, id)
  doc.transact(
    () => {
      const tags = validPlacedTags(target.tags, segmentTags(segment), target.text.length)
      writeLexicalText(segmentTarget(segment), target.text, tags)
      if (segmentStatus(segment) === 'new') segment.set(SEGMENT_KEYS.status, 'draft')
      touchSegment(segment, userId)
    },
    { kind: 'user', userId } satisfies TransactionOrigin,
  )
}

export function readSegments(doc: Y.Doc): SegmentView[] {
  return segmentsArray(doc)
    .toArray()
    .map((segment, index) => readSegment(segment, index))
}

function requireSegment(doc: Y.Doc, id: string): SegmentMap {
  const segment = getSegment(doc, id)
  if (!segment) throw new Error(`no segment ${id}`)
  return segment
}

/** Records who changed the segment and when; call inside the transaction that changes it. */
export function touchSegment(segment: SegmentMap, userId: string, now = Date.now()): void {
  segment.set(SEGMENT_KEYS.updatedBy, userId)
  segment.set(SEGMENT_KEYS.updatedAt, now)
}

/** Moves a segment to `status`; an approval clears any earlier review note. */
export function setStatus(doc: Y.Doc, id: string, status: SegmentStatus, userId: string): void {
  setSegmentStatus(doc, requireSegment(doc, id), status, userId)
}

/** `setStatus` for a segment map the caller already holds (an open editor's). */
export function setSegmentStatus(
  doc: Y.Doc,
  segment: SegmentMap,
  status: SegmentStatus,
  userId: string,
): void {
  doc.transact(() => writeStatus(segment, status, userId), {
    kind: 'user',
    userId,
  } satisfies TransactionOrigin)
}

/**
 * Moves every segment named in `ids` to `status` in one transaction (approve all in view),
 * finding them in one pass over the document rather than one search per id. Unknown ids are
 * ignored.
 */
export function setStatuses(
  doc: Y.Doc,
  ids: readonly string[],
  status: SegmentStatus,
  userId: string,
): void {
  const wanted = new Set(ids)
  if (wanted.size === 0) return
  doc.transact(
    () => {
      for (const segment of segmentsArray(doc)) {
        if (wanted.has(segmentId(segment))) writeStatus(segment, status, userId)
      }
    },
    { kind: 'user', userId } satisfies TransactionOrigin,
  )
}

function writeStatus(segment: SegmentMap, status: SegmentStatus, userId: string): void {
  segment.set(SEGMENT_KEYS.status, status)
  if (status === 'approved' && segment.has(SEGMENT_KEYS.reviewNote)) {
    segment.delete(SEGMENT_KEYS.reviewNote)
  }
  touchSegment(segment, userId)
}

/** A reviewer's rejection: status and reason land in one transaction, so peers see both. */
export function rejectSegment(doc: Y.Doc, id: string, reason: string, userId: string): void {
  const segment = requireSegment(doc, id)
  doc.transact(
    () => {
      segment.set(SEGMENT_KEYS.status, 'rejected')
      segment.set(SEGMENT_KEYS.reviewNote, reason.slice(0, MAX_REVIEW_NOTE_LENGTH))
      touchSegment(segment, userId)
    },
    { kind: 'user', userId } satisfies TransactionOrigin,
  )
}

/** Replaces the whole translation of a segment (import of existing translations, tests, scripts). */
export function setTargetText(doc: Y.Doc, id: string, text: string, userId: string): void {
  const segment = requireSegment(doc, id)
  doc.transact(
    () => {
      writeLexicalText(segmentTarget(segment), text)
      if (segmentStatus(segment) === 'new') segment.set(SEGMENT_KEYS.status, 'draft')
      touchSegment(segment, userId)
    },
    { kind: 'user', userId } satisfies TransactionOrigin,
  )
}

export interface DocumentProgress {
  segments: number
  words: number
  translatedWords: number
  approvedWords: number
  byStatus: Record<SegmentStatus, number>
}

/** Words in a segment's source, counted for its document's source language. */
export type SourceWordCounter = (segment: SegmentMap, lang: string) => number

/** Counts the words of a segment's source afresh each time. */
export const countSourceWords: SourceWordCounter = (segment, lang) =>
  countWords(segmentSource(segment), lang)

/**
 * A counter that counts each segment's source once and then remembers it, which is sound
 * because a source never changes after import. Use one per document.
 */
export function rememberingSourceWordCounter(): SourceWordCounter {
  const counts = new WeakMap<SegmentMap, number>()
  return (segment, lang) => {
    let words = counts.get(segment)
    if (words === undefined) {
      words = countSourceWords(segment, lang)
      counts.set(segment, words)
    }
    return words
  }
}

/**
 * Counts segments and source words per status; "translated" includes approved. Sources never
 * change, so a caller may pass a `countSource` that remembers each segment's count.
 */
export function documentProgress(
  doc: Y.Doc,
  countSource: SourceWordCounter = countSourceWords,
): DocumentProgress {
  const lang = readMeta(doc).sourceLang
  const progress: DocumentProgress = {
    segments: 0,
    words: 0,
    translatedWords: 0,
    approvedWords: 0,
    byStatus: { new: 0, draft: 0, translated: 0, approved: 0, rejected: 0 },
  }
  for (const segment of segmentsArray(doc)) {
    const status = segmentStatus(segment)
    const words = countSource(segment, lang)
    progress.segments++
    progress.words += words
    progress.byStatus[status]++
    if (status === 'translated' || status === 'approved') progress.translatedWords += words
    if (status === 'approved') progress.approvedWords += words
  }
  return progress
}
