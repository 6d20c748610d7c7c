import { useEffect, useRef, useState } from 'react'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { fetchMatches, type SegmentMatches } from './matchesApi.ts'

export interface MatchesState {
  /** The matches of the active segment; null while they load or without an active segment. */
  result: SegmentMatches | null
  failed: boolean
}

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
 * the memory.
 */
export function useSegmentMatches(
  documentId: string,
  store: SegmentStore,
  segmentId: string | null,
): MatchesState {
  const [state, setState] = useState<MatchesState>({ result: null, failed: false })
  const [approvals, setApprovals] = useState(() => approvedCount(store))
  const revision = useRef<number | undefined>(undefined)
  const lastFetched = useRef<{ segmentId: string | null; approvals: number }>({
    segmentId: null,
    approvals,
  })

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
    const afterApproval = sameSegment && lastFetched.current.approvals !== approvals
    lastFetched.current = { segmentId, approvals }
    if (!sameSegment) setState({ result: null, failed: false })
    fetchMatches(documentId, segmentId, {
      signal: controller.signal,
      ...(afterApproval && revision.current !== undefined ? { since: revision.current } : {}),
    }).then(
      (result) => {
        revision.current = result.revision
        setState({ result, failed: false })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.warn('translation memory matches unavailable', error)
        setState({ result: null, failed: true })
      },
    )
    return () => controller.abort()
  }, [documentId, segmentId, approvals])

  return state
}
