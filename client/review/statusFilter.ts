import { SEGMENT_STATUSES, type SegmentStatus } from '@qalam/shared/model'

/** Which segments the grid shows: all of them, or those in one status. */
export type StatusFilter = 'all' | SegmentStatus

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...SEGMENT_STATUSES]

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === 'string' && (STATUS_FILTERS as readonly string[]).includes(value)
}

/**
 * The document indexes of the segments a filter shows, in document order; `null` means every
 * segment, so the unfiltered grid of a 10,000-segment document allocates no index list.
 */
export function visibleRows(
  statuses: readonly SegmentStatus[],
  filter: StatusFilter,
): readonly number[] | null {
  if (filter === 'all') return null
  const rows: number[] = []
  statuses.forEach((status, index) => {
    if (status === filter) rows.push(index)
  })
  return rows
}

/** The translated segments among those in view: what "approve all in view" approves. */
export function translatedInView(
  statuses: readonly SegmentStatus[],
  rows: readonly number[] | null,
): number[] {
  const inView = rows ?? statuses.map((_status, index) => index)
  return inView.filter((index) => statuses[index] === 'translated')
}
