import { useTranslation } from 'react-i18next'
import './suggestions.css'

/** Beside a segment's number: it has suggestions waiting for a decision. */
export function SuggestionMarker({ count }: { count: number }) {
  const { t } = useTranslation()
  if (count === 0) return null
  const label = t('suggestions.marker', { count })
  return (
    <span
      className="suggestion-marker"
      title={label}
      aria-label={label}
      data-testid="suggestion-marker"
    >
      ✎
    </span>
  )
}
