import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'

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
  const { t } = useTranslation()
  const { words, translatedWords, approvedWords } = progress
  const share = (part: number) => (words === 0 ? 0 : (part / words) * 100)
  const format = useFormatter()
  const numbers = {
    translated: format.number(translatedWords),
    approved: format.number(approvedWords),
    total: format.number(words),
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
          // Floored, so a document is never shown as 100% while a word is left.
          translatedPercent: format.percent(Math.floor(share(translatedWords)) / 100),
          approvedPercent: format.percent(Math.floor(share(approvedWords)) / 100),
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
