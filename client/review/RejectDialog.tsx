import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_REVIEW_NOTE_LENGTH } from '@qalam/shared/model'

/**
 * Asks for the reason of a rejection; the translator reads it on the segment. Opened while
 * `segmentNumber` is set; `onReject` receives the reason, `onClose` runs either way.
 */
export function RejectDialog({
  segmentNumber,
  onReject,
  onClose,
}: {
  segmentNumber: number | null
  onReject: (reason: string) => void
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [reason, setReason] = useState('')
  const isOpen = segmentNumber !== null
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (isOpen && !dialog.open) {
      setReason('')
      dialog.showModal()
    } else if (!isOpen && dialog.open) dialog.close()
  }, [isOpen])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') return
    onReject(reason.trim())
    onClose()
  }
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="reject-title"
      data-testid="reject-dialog"
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id="reject-title">{t('review.rejectTitle', { number: segmentNumber ?? 0 })}</h2>
        <div className="field">
          <label className="field__label" htmlFor="reject-reason">
            {t('review.reason')}
          </label>
          <textarea
            id="reject-reason"
            name="reason"
            className="field__input"
            rows={4}
            value={reason}
            maxLength={MAX_REVIEW_NOTE_LENGTH}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl+Enter sends, as it confirms a segment in the grid; Enter alone is a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
                event.currentTarget.form?.requestSubmit()
            }}
            placeholder={t('review.reasonHint')}
            lang={i18n.resolvedLanguage}
            dir="auto"
            required
          />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('review.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={reason.trim() === ''}>
            {t('review.reject')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
