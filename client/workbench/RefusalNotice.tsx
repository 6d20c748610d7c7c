import { useTranslation } from 'react-i18next'
import type { Refusal } from './DocumentSession.ts'

/** Tells the user that the server refused their last change, why, and that it was undone. */
export function RefusalNotice({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const { t, i18n } = useTranslation()
  const key = `sync.refused.${refusal.reason}`
  // Reasons are codes the server sends; an unknown one gets the general explanation.
  const why = i18n.exists(key) ? i18n.t(key as 'sync.refused.other') : i18n.t('sync.refused.other')
  return (
    <div
      className="refusal-notice"
      role="alert"
      data-testid="refusal-notice"
      data-reason={refusal.reason}
    >
      <p>
        <strong>{t('sync.refusedTitle')}</strong> {why} {t('sync.resynced')}
      </p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('sync.dismiss')}
      </button>
    </div>
  )
}
