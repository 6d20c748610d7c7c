import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useFormatter } from '../i18n/formatting.ts'
import type { BinItem } from './manageApi.ts'

/**
 * The "Deleted" view: what is in the bin, when each item is purged, and Restore. `load` must be
 * stable; give the panel a new `key` to read the bin again after a deletion elsewhere.
 */
export function DeletedPanel({
  title,
  load,
  restore,
  onRestored,
}: {
  title: string
  load: (signal: AbortSignal) => Promise<BinItem[]>
  restore: (id: string) => Promise<void>
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const [state, reload] = useRequest(load)
  const [error, setError] = useState<unknown>(null)
  const onRestore = async (id: string) => {
    setError(null)
    try {
      await restore(id)
      reload()
      onRestored()
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <section className="panel" aria-label={title} data-testid="deleted-panel">
      <h2>{title}</h2>
      <RequestProgress state={state} loading={t('documents.loading')} />
      {state.kind === 'loaded' &&
        (state.value.length === 0 ? (
          <p className="empty-state">{t('manage.nothingDeleted')}</p>
        ) : (
          <ul className="deleted-list">
            {state.value.map((item) => (
              <li key={item.id} data-testid="deleted-item" data-id={item.id}>
                <span dir="auto">{item.name}</span>{' '}
                <small>
                  {t('manage.purgeOn', {
                    date: format.date(item.purgeAt, { dateStyle: 'medium' }),
                  })}
                </small>{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  data-testid="restore"
                  onClick={() => void onRestore(item.id)}
                >
                  {t('manage.restore')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {error !== null && <ErrorMessage error={error} testId="restore-error" />}
    </section>
  )
}
