import { describe, expect, test } from 'vitest'
import type { SegmentStatus } from '@qalam/shared/model'
import { isStatusFilter, translatedInView, visibleRows } from './statusFilter.ts'

const STATUSES: SegmentStatus[] = [
  'new',
  'translated',
  'approved',
  'translated',
  'rejected',
  'draft',
]

describe('status filter', () => {
  test('shows every segment without allocating an index list when nothing is filtered', () => {
    expect(visibleRows(STATUSES, 'all')).toBeNull()
  })

  test('keeps only the segments in the chosen status, in document order', () => {
    expect(visibleRows(STATUSES, 'translated')).toEqual([1, 3])
    expect(visibleRows(STATUSES, 'rejected')).toEqual([4])
    expect(visibleRows(STATUSES, 'approved')).toEqual([2])
    expect(visibleRows([], 'draft')).toEqual([])
  })

  test('approve-all picks the translated segments of the rows in view only', () => {
    expect(translatedInView(STATUSES, null)).toEqual([1, 3])
    expect(translatedInView(STATUSES, visibleRows(STATUSES, 'translated'))).toEqual([1, 3])
    expect(translatedInView(STATUSES, visibleRows(STATUSES, 'rejected'))).toEqual([])
    expect(translatedInView(STATUSES, [0, 1, 2])).toEqual([1])
  })

  test('recognises only the filters the interface offers', () => {
    expect(isStatusFilter('all')).toBe(true)
    expect(isStatusFilter('approved')).toBe(true)
    expect(isStatusFilter('locked')).toBe(false)
    expect(isStatusFilter(null)).toBe(false)
  })
})
