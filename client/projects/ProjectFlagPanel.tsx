import { useCallback, useState } from 'react'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useChange } from '../http/useChange.ts'
import { useRequest } from '../http/useRequest.ts'

/** A project's on/off rule as its page shows it: where it is kept and how it is worded. */
export interface ProjectFlag {
  /** Prefix of the panel's test ids: `<id>-panel`, `<id>-toggle`, `<id>-error`. */
  id: string
  title: string
  toggle: string
  hint: string
  loading: string
  read(projectId: string, signal: AbortSignal): Promise<boolean>
  write(projectId: string, value: boolean): Promise<void>
}

/**
 * One project rule on the project's page: a manager turns it on or off; other members see
 * whether it holds.
 */
export function ProjectFlagPanel({
  flag,
  projectId,
  mayManage,
  onChanged,
}: {
  flag: ProjectFlag
  projectId: string
  mayManage: boolean
  /** After a change the server accepted (the project's activity shows it). */
  onChanged: () => void
}) {
  const { read, write } = flag
  const load = useCallback((signal: AbortSignal) => read(projectId, signal), [read, projectId])
  const [state, reload] = useRequest(load)
  const { run, error } = useChange(reload)
  // The manager's choice shows at once and stays once the server accepted it; a refusal shows
  // the server's value again.
  const [chosen, setChosen] = useState<boolean | null>(null)
  const titleId = `${flag.id}-title`
  return (
    <section className="panel" aria-labelledby={titleId} data-testid={`${flag.id}-panel`}>
      <h2 id={titleId}>{flag.title}</h2>
      <RequestProgress state={state} loading={flag.loading} />
      {state.kind === 'loaded' && (
        <>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={chosen ?? state.value}
              disabled={!mayManage}
              data-testid={`${flag.id}-toggle`}
              onChange={(event) => {
                const value = event.target.checked
                setChosen(value)
                void run(async () => {
                  try {
                    await write(projectId, value)
                  } catch (failure) {
                    setChosen(null)
                    throw failure
                  }
                  onChanged()
                })
              }}
            />
            {flag.toggle}
          </label>
          <p className="project-flag__hint">{flag.hint}</p>
        </>
      )}
      {error !== null && <ErrorMessage error={error} testId={`${flag.id}-error`} />}
    </section>
  )
}
