import { useEffect, useRef, useState } from 'react'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { fetchMatches, type SegmentMatches } from './matchesApi.ts'

export interface MatchesState {
  /** The matches of the active segment; null while they load or without an active segment. */
  result: SegmentMatches | null
  failed: boolean
}

/** Answers kept per page: the segments just visited and the one after the active segment. */
const CACHE_SIZE = 64
/**
 * A kept answer younger than this is shown without asking again (approvals clear them all
 * anyway); an older one is shown while the segment's matches are asked for again.
 */
const FRESH_MS = 30_000

/** How many segments are approved: a rise means a unit is on its way into the memory. */
function approvedCount(store: SegmentStore): number {
  let count = 0
  for (const status of store.segmentStatuses) if (status === 'approved') count++
  return count
}

/**
 * The translation-memory matches of the active segment, fetched when it is entered. Kept live:
 * when any segment becomes approved in the shared document (here or by a colleague), the page
 * asks again with the revision it has, and the server answers once that approval's unit is in
 * the memory. The next segment's matches are fetched ahead once the active one's arrive, so
 * moving on (Ctrl+Enter, Ctrl+↓) shows them at once; answers are kept until an approval
 * moves the memory (asked again after 30 s).
 */
export function useSegmentMatches(
  documentId: string,
  store: SegmentStore,
  segmentId: string | null,
  nextSegmentId: string | null = null,
): MatchesState {
  const [state, setState] = useState<MatchesState>({ result: null, failed: false })
  const [approvals, setApprovals] = useState(() => approvedCount(store))
  const revision = useRef<number | undefined>(undefined)
  const lastFetched = useRef<{ segmentId: string | null; approvals: number }>({
    segmentId: null,
    approvals,
  })
  const cache = useRef(new Map<string, KeptMatches>())
  const ahead = useRef<{ segmentId: string; fetching: Promise<SegmentMatches> } | null>(null)
  const [unmounted] = useState(() => new AbortController())

  useEffect(() => {
    let previous = approvedCount(store)
    return store.subscribeDocument(() => {
      const now = approvedCount(store)
      if (now > previous) setApprovals((value) => value + 1)
      previous = now
    })
  }, [store])

  useEffect(() => {
    if (segmentId === null) {
      setState({ result: null, failed: false })
      return
    }
    const controller = new AbortController()
    const sameSegment = lastFetched.current.segmentId === segmentId
    const afterApproval = lastFetched.current.approvals !== approvals
    // An approval may have put a better match into the memory for any segment.
    if (afterApproval) {
      cache.current.clear()
      ahead.current = null
    }
    lastFetched.current = { segmentId, approvals }
    const kept = cache.current.get(segmentId)
    const isFresh = kept !== undefined && performance.now() - kept.at < FRESH_MS
    if (!sameSegment) setState({ result: kept?.result ?? null, failed: false })

    const prefetchNext = () => {
      if (nextSegmentId === null || cache.current.has(nextSegmentId)) return
      if (ahead.current?.segmentId === nextSegmentId) return
      const fetching = fetchMatches(documentId, nextSegmentId, { signal: unmounted.signal })
      ahead.current = { segmentId: nextSegmentId, fetching }
      fetching.then(
        (next) => remember(cache.current, nextSegmentId, next),
        // Only a head start: the segment's own fetch asks again when it is entered.
        () => undefined,
      )
    }
    if (!sameSegment && isFresh) {
      prefetchNext()
      return
    }
    // Entering the segment fetched ahead: wait for that answer rather than ask twice.
    const fetching =
      !sameSegment && ahead.current?.segmentId === segmentId
        ? ahead.current.fetching
        : fetchMatches(documentId, segmentId, {
            signal: controller.signal,
            ...(sameSegment && afterApproval && revision.current !== undefined
              ? { since: revision.current }
              : {}),
          })
    fetching.then(
      (result) => {
        if (controller.signal.aborted) return
        revision.current = result.revision
        remember(cache.current, segmentId, result)
        setState({ result, failed: false })
        prefetchNext()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.warn('translation memory matches unavailable', error)
        setState({ result: null, failed: true })
      },
    )
    return () => controller.abort()
  }, [documentId, segmentId, nextSegmentId, approvals, unmounted])

  useEffect(() => () => unmounted.abort(), [unmounted])

  return state
}

interface KeptMatches {
  result: SegmentMatches
  /** `performance.now()` when it arrived. */
  at: number
}

function remember(cache: Map<string, KeptMatches>, segmentId: string, result: SegmentMatches) {
  cache.delete(segmentId)
  cache.set(segmentId, { result, at: performance.now() })
  // A Map iterates in insertion order: the first key is the least recently stored.
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
}
