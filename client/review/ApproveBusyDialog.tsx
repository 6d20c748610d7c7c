import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { ApprovalRequest } from '../actions/segmentAction.ts'

/**
 * "Dana is editing this segment — approve anyway?": asked before a reviewer approves a segment
 * someone else has open. Open while `request` is set; `onApprove` on yes, `onClose` either way.
 */
export function ApproveBusyDialog({
  request,
  onApprove,
  onClose,
}: {
  request: ApprovalRequest | null
  onApprove: () => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const isOpen = request !== null
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (isOpen && !dialog.open) dialog.showModal()
    else if (!isOpen && dialog.open) dialog.close()
  }, [isOpen])
  const names = request?.names.join(', ') ?? ''
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="approve-busy-title"
      data-testid="approve-busy-dialog"
      onClose={onClose}
    >
      <h2 id="approve-busy-title">{t('collaboration.approveBusyTitle')}</h2>
      <p data-testid="approve-busy-question">
        <Trans
          i18nKey={
            request?.names.length === 1
              ? 'collaboration.approveBusyOne'
              : 'collaboration.approveBusyMany'
          }
          values={{ name: names, names }}
          components={{ name: <bdi /> }}
        />
      </p>
      <p className="dialog__hint">{t('collaboration.approveBusyHint')}</p>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--quiet"
          data-testid="approve-busy-cancel"
          onClick={() => dialogRef.current?.close()}
        >
          {t('review.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="approve-busy-confirm"
          onClick={() => {
            onApprove()
            dialogRef.current?.close()
          }}
        >
          {t('collaboration.approveAnyway')}
        </button>
      </div>
    </dialog>
  )
}
