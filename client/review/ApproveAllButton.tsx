import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'

/** "Approve all translated segments in view", after a confirmation that says how many. */
export function ApproveAllButton({ count, onApprove }: { count: number; onApprove: () => void }) {
  const { t } = useTranslation()
  const format = useFormatter()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const close = () => dialogRef.current?.close()
  const formatted = format.number(count)
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={count === 0}
        onClick={() => dialogRef.current?.showModal()}
        data-testid="approve-all"
      >
        {t('review.approveAll', { count: formatted })}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="approve-all-title"
        data-testid="approve-all-dialog"
      >
        <h2 id="approve-all-title">{t('review.approveAllTitle')}</h2>
        <p>{t('review.approveAllBody', { count: formatted })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('review.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="approve-all-confirm"
            onClick={() => {
              onApprove()
              close()
            }}
          >
            {t('review.approveAllConfirm', { count: formatted })}
          </button>
        </div>
      </dialog>
    </>
  )
}
