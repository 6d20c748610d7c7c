import { useTranslation } from 'react-i18next'

/** Translated words out of all words, as a bar with the numbers beside it. */
export function ProgressBar({ translated, total }: { translated: number; total: number }) {
  const { t, i18n } = useTranslation()
  const percent = total === 0 ? 0 : Math.floor((translated / total) * 100)
  const format = new Intl.NumberFormat(i18n.resolvedLanguage)
  const numbers = { translated: format.format(translated), total: format.format(total) }
  return (
    <div className="progress" data-testid="progress">
      <progress
        className="progress__bar"
        max={Math.max(total, 1)}
        value={translated}
        aria-label={t('progress.label', { ...numbers, percent })}
      />
      <span className="progress__numbers">{t('progress.words', numbers)}</span>
    </div>
  )
}
