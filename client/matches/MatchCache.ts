import type { SegmentMatches } from './matchesApi.ts'

/** Answers kept per page: the segments around the active one and those just visited. */
const CACHE_SIZE = 64
/**
 * A kept answer younger than this is shown without asking again; an older one (or one an
 * approval made stale) is shown while the segment's matches are asked for again.
 */
const FRESH_MS = 30_000

interface KeptMatches {
  result: SegmentMatches
  /** `performance.now()` when it arrived; -Infinity once an approval made it stale. */
  at: number
}

/**
 * The matches a page has fetched, by segment, and the fetches under way, so that entering a
 * segment fetched ahead shows its answer in the same render, and no segment is asked twice.
 */
export class MatchCache {
  private readonly kept = new Map<string, KeptMatches>()
  private readonly pending = new Map<string, Promise<SegmentMatches>>()
  /** Moves with each approval: an answer asked for before it is not kept as fresh. */
  private generation = 0

  /** The last answer for the segment, fresh or not. */
  result(segmentId: string): SegmentMatches | null {
    return this.kept.get(segmentId)?.result ?? null
  }

  isFresh(segmentId: string): boolean {
    const kept = this.kept.get(segmentId)
    return kept !== undefined && performance.now() - kept.at < FRESH_MS
  }

  /** The fetch of the segment under way, if any. */
  fetching(segmentId: string): Promise<SegmentMatches> | undefined {
    return this.pending.get(segmentId)
  }

  /** Keeps `fetching` as the segment's fetch under way, and its answer once it comes. */
  track(segmentId: string, fetching: Promise<SegmentMatches>): Promise<SegmentMatches> {
    this.pending.set(segmentId, fetching)
    const generation = this.generation
    const settle = () => {
      if (this.pending.get(segmentId) === fetching) this.pending.delete(segmentId)
    }
    fetching.then((result) => {
      settle()
      if (generation === this.generation) this.remember(segmentId, result)
    }, settle)
    return fetching
  }

  /** An approval may have put a better match into the memory for any segment. */
  markStale(): void {
    this.generation++
    for (const kept of this.kept.values()) kept.at = -Infinity
    // Answers on their way were computed before the approval's unit was in the memory.
    this.pending.clear()
  }

  private remember(segmentId: string, result: SegmentMatches): void {
    this.kept.delete(segmentId)
    this.kept.set(segmentId, { result, at: performance.now() })
    // A Map iterates in insertion order: the first key is the least recently stored.
    if (this.kept.size > CACHE_SIZE) this.kept.delete(this.kept.keys().next().value!)
  }
}
