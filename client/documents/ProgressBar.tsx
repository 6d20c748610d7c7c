import { useTranslation } from 'react-i18next'

export interface WordProgress {
  words: number
  translatedWords: number
  approvedWords: number
}

/**
 * Source words translated and approved, out of all words: one bar in two tones (approved, then
 * translated but not yet approved) with both numbers beside it. Approved words count as
 * translated too, as the model counts them.
 */
export function ProgressBar({ progress }: { progress: WordProgress }) {
  const { t, i18n } = useTranslation()
  const { words, translatedWords, approvedWords } = progress
  const share = (part: number) => (words === 0 ? 0 : (part / words) * 100)
  const format = new Intl.NumberFormat(i18n.resolvedLanguage)
  const numbers = {
    translated: format.format(translatedWords),
    approved: format.format(approvedWords),
    total: format.format(words),
  }
  return (
    <div
      className="progress"
      data-testid="progress"
      data-translated={translatedWords}
      data-approved={approvedWords}
      data-total={words}
    >
      <div
        className="progress__bar"
        role="img"
        aria-label={t('progress.label', {
          ...numbers,
          translatedPercent: Math.floor(share(translatedWords)),
          approvedPercent: Math.floor(share(approvedWords)),
        })}
      >
        <span className="progress__approved" style={{ inlineSize: `${share(approvedWords)}%` }} />
        <span
          className="progress__translated"
          style={{ inlineSize: `${share(translatedWords - approvedWords)}%` }}
        />
      </div>
      <span className="progress__numbers">
        <span className="progress__key progress__key--translated">
          {t('progress.translated', numbers)}
        </span>
        <span className="progress__key progress__key--approved">
          {t('progress.approved', numbers)}
        </span>
        <span>{t('progress.total', numbers)}</span>
      </span>
    </div>
  )
}
