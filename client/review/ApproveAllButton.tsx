import { useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'

/** Segments in view that colleagues have open, and who. */
export interface BusyInView {
  count: number
  names: readonly string[]
}

/**
 * "Approve all translated segments in view", after a confirmation that says how many. When
 * colleagues have some of them open, the confirmation says so and approves the others by
 * default; approving those too is a second, explicit choice.
 */
export function ApproveAllButton({
  count,
  busy,
  onApprove,
}: {
  count: number
  busy: BusyInView
  /** `includeBusy`: approve the segments colleagues have open as well. */
  onApprove: (includeBusy: boolean) => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const close = () => dialogRef.current?.close()
  const formatted = format.number(count)
  const approve = (includeBusy: boolean) => {
    onApprove(includeBusy)
    close()
  }
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
        {busy.count > 0 && (
          <p data-testid="approve-all-busy">
            <Trans
              i18nKey="collaboration.approveAllBusy"
              values={{ count: format.number(busy.count), names: busy.names.join(', ') }}
              components={{ name: <bdi /> }}
            />
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('review.cancel')}
          </button>
          {busy.count > 0 && (
            <button
              type="button"
              className="button"
              data-testid="approve-all-including-busy"
              onClick={() => approve(true)}
            >
              {t('collaboration.approveAllIncludingBusy')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            data-testid="approve-all-confirm"
            disabled={busy.count === count}
            onClick={() => approve(false)}
          >
            {busy.count > 0
              ? t('collaboration.approveAllSkipBusy', { count: format.number(count - busy.count) })
              : t('review.approveAllConfirm', { count: formatted })}
          </button>
        </div>
      </dialog>
    </>
  )
}
