import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SegmentStatus } from '@qalam/shared/model'
import { STATUS_FILTERS, isStatusFilter, type StatusFilter } from './statusFilter.ts'
import { useFormatter } from '../i18n/formatting.ts'

/**
 * Which segments the grid shows, with how many segments each choice holds. Memoized: the
 * workflow bar re-renders on every keystroke in the active segment, the counts seldom change.
 */
export const StatusFilterSelect = memo(function StatusFilterSelect({
  value,
  onChange,
  counts,
  total,
}: {
  value: StatusFilter
  onChange: (filter: StatusFilter) => void
  counts: Record<SegmentStatus, number>
  total: number
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  return (
    <label className="status-filter">
      <span className="status-filter__label">{t('review.filter')}</span>
      <select
        className="field__input"
        value={value}
        data-testid="status-filter"
        onChange={(event) => {
          if (isStatusFilter(event.target.value)) onChange(event.target.value)
        }}
      >
        {STATUS_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {filter === 'all' ? t('review.filterAll') : t(`status.${filter}`)} (
            {format.number(filter === 'all' ? total : counts[filter])})
          </option>
        ))}
      </select>
    </label>
  )
})
