import { useTranslation } from 'react-i18next'
import type { SegmentStatus } from '@qalam/shared/model'

// Shape as well as colour, so the status reads without colour vision.
const ICONS: Record<SegmentStatus, string> = {
  new: '○',
  draft: '✎',
  translated: '✓',
  approved: '✔✔',
  rejected: '✕',
}

export function StatusMarker({ status }: { status: SegmentStatus }) {
  const { t } = useTranslation()
  const label = t(`status.${status}`)
  return (
    <span
      className={`status-marker status-marker--${status}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <span aria-hidden="true">{ICONS[status]}</span>
    </span>
  )
}
