import { useTranslation } from 'react-i18next'

/** A reviewer's reason for rejecting a segment, shown with the segment to whoever fixes it. */
export function ReviewNote({ note }: { note: string }) {
  const { t, i18n } = useTranslation()
  return (
    <p className="review-note" data-testid="review-note" lang={i18n.resolvedLanguage}>
      <span className="review-note__label">{t('review.noteLabel')}</span>{' '}
      <span className="review-note__text" dir="auto">
        {note}
      </span>
    </p>
  )
}
