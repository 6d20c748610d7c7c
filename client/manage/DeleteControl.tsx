import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'

/** A "Delete" button that asks once, inline, saying what goes to the bin and for how long. */
export function DeleteControl({
  question,
  onDelete,
}: {
  question: string
  onDelete: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const { onSubmit, isSubmitting, error } = useSubmit(onDelete)
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--quiet"
        data-testid="delete"
        onClick={() => setAsking(true)}
      >
        {t('manage.delete')}
      </button>
    )
  }
  return (
    <form className="delete-confirm" onSubmit={onSubmit} role="alertdialog" aria-label={question}>
      <p dir="auto">{question}</p>
      <button
        type="submit"
        className="button button--danger"
        disabled={isSubmitting}
        data-testid="confirm-delete"
      >
        {t('manage.confirmDelete')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
        {t('manage.cancel')}
      </button>
      {error !== null && <ErrorMessage error={error} testId="delete-error" />}
    </form>
  )
}
