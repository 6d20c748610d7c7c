import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type * as Y from 'yjs'
import { MIN_ANALYSIS_PERCENT } from '@qalam/shared/analysis'
import {
  isSegmentProtected,
  readMeta,
  segmentId,
  segmentsArray,
  segmentSource,
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
 * The sources of the segments to translate, with their neighbours' (context for 101 %), read at
 * once from the document. A segment its file protects is not work: it is left out, though it
 * still counts as a neighbour.
 */
export function readSegmentSources(doc: Y.Doc): SegmentSources[] {
  const segments = segmentsArray(doc).toArray()
  const sources = segments.map((segment) => segmentSource(segment))
  const found: SegmentSources[] = []
  segments.forEach((segment, index) => {
    if (isSegmentProtected(segment)) return
    found.push({
      id: segmentId(segment),
      source: sources[index]!,
      index,
      prev: sources[index - 1] ?? '',
      next: sources[index + 1] ?? '',
    })
  })
  return found
}

export interface BestMatchPass {
  doc: Y.Doc
  memoryIds: readonly string[]
  lookup: MatchLookup
  /** Stops the pass between two segments (the client left); the promise then rejects. */
  signal?: AbortSignal
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
 * Runs in slices of about 10 ms on the event loop, since the indexes live here: a
 * 10,000-segment document takes a while, and other requests are served in between.
 */
export async function forEachBestMatch(pass: BestMatchPass): Promise<void> {
  const meta = readMeta(pass.doc)
  const segments = readSegmentSources(pass.doc)
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
