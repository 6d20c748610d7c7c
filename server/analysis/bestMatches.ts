import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type * as Y from 'yjs'
import { MIN_ANALYSIS_PERCENT } from '@qalam/shared/analysis'
import {
  isSegmentProtected,
  readMeta,
  segmentId,
  segmentsArray,
  segmentSource,
  type DocumentExportView,
} from '@qalam/shared/model'
import type { FoundMatch, MatchLookup } from '../tm/index.ts'

/** The longest a pass over a document runs before it lets the event loop serve others. */
const SLICE_MS = 10
/** Matches read per segment: the best by percent is among the few best by score. */
const CANDIDATES = 3

/** One segment as it stood when the pass started: a source never changes after import. */
export interface SegmentSources {
  id: string
  index: number
  source: string
  prev: string
  next: string
}

/**
 * What a pass over a document needs of it, read at once: its languages and each segment's
 * source, id and whether its file protects it. Plain data, so that it crosses to a worker.
 */
export interface DocumentSources {
  sourceLang: string
  targetLang: string
  ids: string[]
  sources: string[]
  /** Indexes of the segments their file protects. */
  protectedIndexes: number[]
}

/** The document's sources as they stand (they never change after import). */
export function readDocumentSources(doc: Y.Doc): DocumentSources {
  const { sourceLang, targetLang } = readMeta(doc)
  const segments = segmentsArray(doc).toArray()
  const protectedIndexes: number[] = []
  segments.forEach((segment, index) => {
    if (isSegmentProtected(segment)) protectedIndexes.push(index)
  })
  return {
    sourceLang,
    targetLang,
    ids: segments.map((segment) => segmentId(segment)),
    sources: segments.map((segment) => segmentSource(segment)),
    protectedIndexes,
  }
}

/** The same, read from a document's export view (a stored document nobody has open). */
export function viewDocumentSources({ meta, segments }: DocumentExportView): DocumentSources {
  return {
    sourceLang: meta.sourceLang,
    targetLang: meta.targetLang,
    ids: segments.map((segment) => segment.id),
    sources: segments.map((segment) => segment.source),
    protectedIndexes: segments.flatMap((segment, index) => (segment.isProtected ? [index] : [])),
  }
}

/**
 * The segments to translate, with their neighbours' sources (context for 101 %). A segment its
 * file protects is not work: it is left out, though it still counts as a neighbour.
 */
export function readSegmentSources(document: DocumentSources): SegmentSources[] {
  const { sources, ids } = document
  const isProtected = new Set(document.protectedIndexes)
  const found: SegmentSources[] = []
  sources.forEach((source, index) => {
    if (isProtected.has(index)) return
    found.push({
      id: ids[index]!,
      source,
      index,
      prev: sources[index - 1] ?? '',
      next: sources[index + 1] ?? '',
    })
  })
  return found
}

export interface BestMatchPass {
  document: DocumentSources
  memoryIds: readonly string[]
  lookup: MatchLookup
  /** Stops the pass between two segments (the client left); the promise then rejects. */
  signal?: Pick<AbortSignal, 'throwIfAborted'>
  /**
   * The lowest score worth finding for this segment, asked for every segment in order before its lookup
   * (default 0.5): 1 when only a 100 % or 101 % match would count, a much cheaper lookup.
   */
  minScore?(segment: SegmentSources): number
  /** Called for each segment in order with its best match (null below the minimum or none). */
  onSegment(segment: SegmentSources, best: FoundMatch | null): void | Promise<void>
}

/**
 * Looks up every segment of the document in the memories with the editor's lookup (the same
 * indexes and scoring as the match panel), best match first by percentage then by recency.
 * Runs in slices of about 10 ms that yield: on the event loop (an import's pre-fill) other
 * requests are served in between; in a worker (an analysis) a cancellation is read.
 */
export async function forEachBestMatch(pass: BestMatchPass): Promise<void> {
  const meta = pass.document
  const segments = readSegmentSources(pass.document)
  let sliceStart = performance.now()
  for (const segment of segments) {
    pass.signal?.throwIfAborted()
    const minScore = pass.minScore?.(segment) ?? MIN_ANALYSIS_PERCENT / 100
    const found =
      segment.source.trim() === '' || pass.memoryIds.length === 0
        ? []
        : await pass.lookup.lookup({
            memoryIds: pass.memoryIds,
            sourceLang: meta.sourceLang,
            targetLang: meta.targetLang,
            source: segment.source,
            prev: segment.prev,
            next: segment.next,
            limit: CANDIDATES,
            minScore,
          })
    await pass.onSegment(segment, found[0] ?? null)
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
}
