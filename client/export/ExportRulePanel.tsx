import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useChange } from '../http/useChange.ts'
import { useRequest } from '../http/useRequest.ts'
import { fetchExportRule, setExportRule } from './exportPolicyApi.ts'
import './exportPolicy.css'

/**
 * The project's export rule on its page: a manager makes "approved translations only" the rule
 * for every export of the project's documents; other members see whether it holds.
 */
export function ExportRulePanel({
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
  const load = useCallback((signal: AbortSignal) => fetchExportRule(projectId, signal), [projectId])
  const [state, reload] = useRequest(load)
  const { run, error } = useChange(reload)
  // The manager's choice shows at once and stays once the server accepted it; a refusal shows
  // the server's value again.
  const [chosen, setChosen] = useState<boolean | null>(null)
  return (
    <section className="panel" aria-labelledby="export-rule-title" data-testid="export-rule-panel">
      <h2 id="export-rule-title">{t('exportPolicy.ruleTitle')}</h2>
      <RequestProgress state={state} loading={t('exportPolicy.checking')} />
      {state.kind === 'loaded' && (
        <>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={chosen ?? state.value}
              disabled={!mayManage}
              data-testid="export-rule-toggle"
              onChange={(event) => {
                const approvedOnly = event.target.checked
                setChosen(approvedOnly)
                void run(async () => {
                  try {
                    await setExportRule(projectId, approvedOnly)
                  } catch (failure) {
                    setChosen(null)
                    throw failure
                  }
                  onChanged()
                })
              }}
            />
            {t('exportPolicy.ruleToggle')}
          </label>
          <p className="export-policy__rule">{t('exportPolicy.ruleHint')}</p>
        </>
      )}
      {error !== null && <ErrorMessage error={error} testId="export-rule-error" />}
    </section>
  )
}
