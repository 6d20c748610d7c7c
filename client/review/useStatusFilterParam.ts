import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { isStatusFilter, type StatusFilter } from './statusFilter.ts'

const PARAM = 'status'

/**
 * The grid's status filter, kept in the address (`?status=translated`): a reviewer can share
 * the view or come back to it, and the browser's back button undoes a change of filter.
 */
export function useStatusFilterParam(): [StatusFilter, (filter: StatusFilter) => void] {
  const [params, setParams] = useSearchParams()
  const value = params.get(PARAM)
  const filter = isStatusFilter(value) ? value : 'all'
  const setFilter = useCallback(
    (next: StatusFilter) =>
      setParams((current) => {
        const updated = new URLSearchParams(current)
        if (next === 'all') updated.delete(PARAM)
        else updated.set(PARAM, next)
        return updated
      }),
    [setParams],
  )
  return [filter, setFilter]
}
