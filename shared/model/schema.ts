import type * as Y from 'yjs'
import type { InlineTag, PlacedTag } from './tags.ts'

/** Segment workflow states, in the order a segment usually moves through them. */
export const SEGMENT_STATUSES = ['new', 'draft', 'translated', 'approved', 'rejected'] as const
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number]

export function isSegmentStatus(value: unknown): value is SegmentStatus {
  return typeof value === 'string' && (SEGMENT_STATUSES as readonly string[]).includes(value)
}

/** Top-level shared types of a document's Y.Doc. Nothing else may exist at the top level. */
export const ROOT_META = 'meta'
export const ROOT_SEGMENTS = 'segments'

/** Keys of the `meta` map. */
export const META_KEYS = {
  title: 'title',
  sourceLang: 'sourceLang',
  targetLang: 'targetLang',
  createdAt: 'createdAt',
  /** Whitespace after the last segment, so the original can be rebuilt exactly. */
  trailing: 'trailing',
  /** The encoding the source file was read in (`utf-8` when absent), for an export in kind. */
  sourceEncoding: 'sourceEncoding',
  /** The format the document was imported from (`txt` when absent), for an export in kind. */
  sourceFormat: 'sourceFormat',
} as const

/** Formats a document can be imported from and exported back into. */
export const DOCUMENT_FORMATS = ['txt', 'xliff12', 'xliff20', 'docx'] as const
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]

export function isDocumentFormat(value: unknown): value is DocumentFormat {
  return typeof value === 'string' && (DOCUMENT_FORMATS as readonly string[]).includes(value)
}

/** Keys of each segment map. Only shared/model spells these. */
export const SEGMENT_KEYS = {
  id: 'id',
  source: 'source',
  target: 'target',
  status: 'status',
  updatedBy: 'updatedBy',
  updatedAt: 'updatedAt',
  paragraph: 'paragraph',
  /** Whitespace between the previous segment (or the start) and this one. */
  before: 'before',
  /** A reviewer's reason for rejecting the segment, shown to the translator. */
  reviewNote: 'reviewNote',
  /**
   * Where the second and later sentences of a source made of several begin (UTF-16 offsets
   * into `source`, increasing): an aligned pair that merged sentences keeps their boundaries,
   * so that the segment can be split there later. Absent for a segment of one sentence.
   */
  sourceBreaks: 'sourceBreaks',
  /** The segment's inline tags (`InlineTag[]`), written at import, never changed. */
  tags: 'tags',
  /** Where the tags stand in `source` (`PlacedTag[]`); the source itself holds no markup. */
  sourceTags: 'sourceTags',
  /** Comments the file's authors left for the translator (`string[]`), read-only. */
  notes: 'notes',
  /** Earlier translations the file offers (`ImportedMatch[]`: XLIFF alt-trans, memoQ matches). */
  matches: 'matches',
  /**
   * Proposed translations waiting for a decision (`Y.Array` of `Suggestion`, see
   * suggestions.ts): only the server adds them (a review table's re-import); a translator
   * accepts one into the target or dismisses it, which removes it.
   */
  suggestions: 'suggestions',
} as const

export type SegmentKey = (typeof SEGMENT_KEYS)[keyof typeof SEGMENT_KEYS]

/**
 * Keys a client may write on a segment after import; `id`, `source`, `paragraph`, `before` and
 * `sourceBreaks` are fixed.
 */
export const MUTABLE_SEGMENT_KEYS: readonly SegmentKey[] = [
  SEGMENT_KEYS.target,
  SEGMENT_KEYS.status,
  SEGMENT_KEYS.updatedBy,
  SEGMENT_KEYS.updatedAt,
]

/** Keys only a reviewer (or an administrator) may write. */
export const REVIEWER_SEGMENT_KEYS: readonly SegmentKey[] = [SEGMENT_KEYS.reviewNote]

/** Longest review note a reviewer may leave on a segment. */
export const MAX_REVIEW_NOTE_LENGTH = 2000

export type SegmentMap = Y.Map<unknown>

export interface DocumentMeta {
  title: string
  sourceLang: string
  targetLang: string
  createdAt: number
  trailing: string
  /** Absent for documents imported before encodings were kept: they were UTF-8. */
  sourceEncoding?: string
  /** Absent for plain text documents. */
  sourceFormat?: DocumentFormat
}

/** What an import hands to the model for one segment. */
export interface SegmentInit {
  source: string
  paragraph: number
  before: string
  /** An existing translation (alignment import); absent or empty leaves the target empty. */
  target?: string
  /** Defaults to `new`. */
  status?: SegmentStatus
  /** Offsets of the sentences after the first when the source joins several (alignment). */
  sourceBreaks?: readonly number[]
  /** The segment's inline tags, and where they stand in the source and in `target`. */
  tags?: readonly InlineTag[]
  sourceTags?: readonly PlacedTag[]
  targetTags?: readonly PlacedTag[]
  notes?: readonly string[]
  matches?: readonly ImportedMatch[]
}

/** A translation the imported file suggests for a segment (kept to offer as a match). */
export interface ImportedMatch {
  source: string
  target: string
  /** Who or what proposed it: the tool, the TM name, "mt". */
  origin: string
  /** Match quality in percent when the file says. */
  quality: number | null
}

/** Where a suggestion came from: for now, a bilingual review table sent back edited. */
export const SUGGESTION_ORIGINS = ['review-docx'] as const
export type SuggestionOrigin = (typeof SUGGESTION_ORIGINS)[number]

/** A proposed translation of one segment, waiting for a translator to accept or dismiss it. */
export interface Suggestion {
  id: string
  /** The proposed target, without markup; `tags` are the segment's tags placed in it. */
  text: string
  tags: PlacedTag[]
  /** User id of whoever brought it in (the uploader of the review table). */
  author: string
  origin: SuggestionOrigin
  /** When it was added, ms since epoch. */
  createdAt: number
}

/** A plain, read-only snapshot of one segment. */
export interface SegmentView {
  index: number
  id: string
  source: string
  target: string
  status: SegmentStatus
  updatedBy: string | null
  updatedAt: number | null
  paragraph: number
  before: string
  /** Why a reviewer rejected the segment; empty when there is no note. */
  reviewNote: string
  /** Offsets in `source` where its second and later sentences begin; empty for one sentence. */
  sourceBreaks: number[]
  /** Inline tags of the segment (empty for plain text), and where they stand on each side. */
  tags: InlineTag[]
  sourceTags: PlacedTag[]
  targetTags: PlacedTag[]
  notes: string[]
  matches: ImportedMatch[]
  /** Proposed translations waiting for a decision, oldest first. */
  suggestions: Suggestion[]
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_META)
}

export function segmentsArray(doc: Y.Doc): Y.Array<SegmentMap> {
  return doc.getArray<SegmentMap>(ROOT_SEGMENTS)
}
