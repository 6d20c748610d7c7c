import { useEffect, useMemo, useRef, useState } from 'react'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { MatchCache } from './MatchCache.ts'
import { fetchMatches, type SegmentMatches } from './matchesApi.ts'

export interface MatchesState {
  /** The matches of the active segment; null while they load or without an active segment. */
  result: SegmentMatches | null
  failed: boolean
}

/**
 * Segments fetched ahead of the active one, and behind it: moving on with Ctrl+↓ or Ctrl+Enter
 * (or back) enters a segment whose answer is already here, even when the server is slow for one
 * of them, since each is asked for several moves before it is entered.
 */
const AHEAD = 4
const BEHIND = 2
const NEARBY = [
  ...Array.from({ length: AHEAD }, (_, k) => k + 1),
  ...Array.from({ length: BEHIND }, (_, k) => -(k + 1)),
]

/** How many segments are approved: a rise means a unit is on its way into the memory. */
function approvedCount(store: SegmentStore): number {
  let count = 0
  for (const status of store.segmentStatuses) if (status === 'approved') count++
  return count
}

/**
 * The translation-memory matches of the active segment. A kept answer is shown in the very
 * render that enters the segment (no effect and second render in between); otherwise they are
 * fetched on entry. Once the active segment's answer is here, the segments around it are
 * fetched ahead. Kept live: when any segment becomes approved in the shared document (here or
 * by a colleague), every kept answer goes stale and the page asks again with the revision it
 * has; the server answers once that approval's unit is in the memory. A stale answer is shown
 * while its segment is asked again; a fresh one is asked again after 30 s.
 */
export function useSegmentMatches(
  documentId: string,
  store: SegmentStore,
  activeIndex: number | null,
): MatchesState {
  const segmentId = activeIndex === null ? null : (store.segment(activeIndex)?.id ?? null)
  const [cache] = useState(() => new MatchCache())
  // Bumped when the active segment's answer arrives: the answer itself lives in `cache`.
  const [, setAnswers] = useState(0)
  const [failedId, setFailedId] = useState<string | null>(null)
  const [approvals, setApprovals] = useState(() => approvedCount(store))
  const revision = useRef<number | undefined>(undefined)
  const lastFetched = useRef<{ segmentId: string | null; approvals: number }>({
    segmentId: null,
    approvals,
  })
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
    if (segmentId === null || activeIndex === null) return
    const controller = new AbortController()
    const sameSegment = lastFetched.current.segmentId === segmentId
    const afterApproval = lastFetched.current.approvals !== approvals
    if (afterApproval) cache.markStale()
    lastFetched.current = { segmentId, approvals }

    const prefetchNearby = () => {
      for (const offset of NEARBY) {
        const id = activeIndex + offset < 0 ? undefined : store.segment(activeIndex + offset)?.id
        if (id === undefined || cache.isFresh(id) || cache.fetching(id)) continue
        cache
          .track(id, fetchMatches(documentId, id, { signal: unmounted.signal }))
          // Only a head start: the segment's own fetch asks again when it is entered.
          .catch(() => undefined)
      }
    }
    if (!sameSegment && cache.isFresh(segmentId)) {
      prefetchNearby()
      return
    }
    const waitsForApproval = sameSegment && afterApproval && revision.current !== undefined
    // Entering a segment fetched ahead: wait for that answer rather than ask twice. A plain
    // fetch is not aborted on leaving: its answer is kept for coming back.
    const fetching =
      (!waitsForApproval && cache.fetching(segmentId)) ||
      cache.track(
        segmentId,
        fetchMatches(
          documentId,
          segmentId,
          waitsForApproval
            ? { since: revision.current, signal: controller.signal }
            : { signal: unmounted.signal },
        ),
      )
    fetching.then(
      (result) => {
        if (controller.signal.aborted) return
        revision.current = result.revision
        setFailedId(null)
        setAnswers((count) => count + 1)
        prefetchNearby()
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.warn('translation memory matches unavailable', error)
        setFailedId(segmentId)
      },
    )
    return () => controller.abort()
  }, [documentId, store, segmentId, activeIndex, approvals, cache, unmounted])

  useEffect(() => () => unmounted.abort(), [unmounted])

  const result = segmentId === null ? null : cache.result(segmentId)
  const failed = result === null && segmentId !== null && failedId === segmentId
  return useMemo(() => ({ result, failed }), [result, failed])
}
