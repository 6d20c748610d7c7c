import { useTranslation } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'

/**
 * A reviewer's reason for rejecting a segment, shown with the segment to whoever fixes it. The
 * note runs in the interface's direction wherever it sits: "مرفوض:" in a Kazakh target cell
 * keeps its colon on the Arabic side, and the reviewer's own words are isolated beside it.
 */
export function ReviewNote({ note }: { note: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return (
    <p
      className="review-note"
      data-testid="review-note"
      lang={language}
      dir={languageDirection(language)}
    >
      <span className="review-note__label">{t('review.noteLabel')}</span>{' '}
      <span className="review-note__text" dir="auto">
        {note}
      </span>
    </p>
  )
}
