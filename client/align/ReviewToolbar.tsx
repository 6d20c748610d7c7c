import { useTranslation } from 'react-i18next'
import type { ReviewSummary } from './reviewSummary.ts'

/** Counts, the legend of row colours, and the review's commands. */
export function ReviewToolbar({
  summary,
  canUndo,
  isConfirming,
  onUndo,
  onNextLow,
  onStartOver,
  onConfirm,
}: {
  summary: ReviewSummary
  canUndo: boolean
  isConfirming: boolean
  onUndo: () => void
  onNextLow: () => void
  onStartOver: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="align-toolbar">
      <ul className="align-summary" aria-label={t('align.pairs')} data-testid="align-summary">
        <li data-testid="summary-pairs">{t('align.summaryPairs', { count: summary.pairs })}</li>
        <li data-testid="summary-one-to-one">
          {t('align.summaryOneToOne', { percent: Math.round(summary.oneToOneShare * 100) })}
        </li>
        <li data-testid="summary-low" className="align-summary__low">
          {t('align.summaryLow', { count: summary.lowConfidence })}
        </li>
        <li data-testid="summary-drafts" title={t('align.summaryDraftsHint')}>
          {t('align.summaryDrafts', { count: summary.drafts })}
        </li>
      </ul>
      <ul className="align-legend">
        <li>
          <span className="align-legend__swatch align-legend__swatch--low" aria-hidden="true" />
          {t('align.legendLow')}
        </li>
        <li>
          <span className="align-legend__swatch align-legend__swatch--edited" aria-hidden="true" />
          {t('align.legendEdited')}
        </li>
        <li>
          <span className="align-legend__swatch align-legend__swatch--orphan" aria-hidden="true" />
          {t('align.legendOrphan')}
        </li>
      </ul>
      <div className="align-toolbar__actions">
        <button
          type="button"
          className="button"
          data-action="next-low"
          onClick={onNextLow}
          disabled={summary.lowConfidence === 0}
          title={summary.lowConfidence === 0 ? t('align.noLow') : undefined}
        >
          {t('align.nextLow')}
        </button>
        <button
          type="button"
          className="button"
          data-action="undo"
          onClick={onUndo}
          disabled={!canUndo}
        >
          {t('align.undo')}
        </button>
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          {t('align.startOver')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-action="confirm"
          onClick={onConfirm}
          disabled={isConfirming || summary.withoutSource > 0}
        >
          {isConfirming ? t('align.confirming') : t('align.confirm')}
        </button>
      </div>
    </div>
  )
}
