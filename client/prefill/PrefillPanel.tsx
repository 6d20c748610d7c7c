import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useChange } from '../http/useChange.ts'
import { useRequest } from '../http/useRequest.ts'
import { fetchPrefillSetting, setPrefillSetting } from './prefillApi.ts'

/**
 * The project's "pre-fill exact matches" setting on its page: a manager turns it on so that
 * each import fills its 100 % and 101 % memory matches in as drafts; others see whether it is.
 */
export function PrefillPanel({
  projectId,
  mayManage,
  onChanged,
}: {
  projectId: string
  mayManage: boolean
  /** After a change the server accepted (the project's activity shows it). */
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const load = useCallback(
    (signal: AbortSignal) => fetchPrefillSetting(projectId, signal),
    [projectId],
  )
  const [state, reload] = useRequest(load)
  const { run, error } = useChange(reload)
  const [chosen, setChosen] = useState<boolean | null>(null)
  return (
    <section className="panel" aria-labelledby="prefill-title" data-testid="prefill-panel">
      <h2 id="prefill-title">{t('prefill.title')}</h2>
      <RequestProgress state={state} loading={t('prefill.loading')} />
      {state.kind === 'loaded' && (
        <>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={chosen ?? state.value}
              disabled={!mayManage}
              data-testid="prefill-toggle"
              onChange={(event) => {
                const prefill = event.target.checked
                setChosen(prefill)
                void run(async () => {
                  try {
                    await setPrefillSetting(projectId, prefill)
                  } catch (failure) {
                    setChosen(null)
                    throw failure
                  }
                  onChanged()
                })
              }}
            />
            {t('prefill.toggle')}
          </label>
          <p className="prefill-panel__hint">{t('prefill.hint')}</p>
        </>
      )}
      {error !== null && <ErrorMessage error={error} testId="prefill-error" />}
    </section>
  )
}
