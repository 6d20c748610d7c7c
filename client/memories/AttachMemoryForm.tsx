import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useSubmit } from '../http/useSubmit.ts'
import { attachMemory, fetchAttachable } from './memoriesApi.ts'

/** A manager picks a memory of another of their projects for this project to read from. */
export function AttachMemoryForm({
  projectId,
  onAttached,
}: {
  projectId: string
  onAttached: () => void
}) {
  const { t } = useTranslation()
  const load = useCallback((signal: AbortSignal) => fetchAttachable(projectId, signal), [projectId])
  const [state, reload] = useRequest(load)
  const [chosen, setChosen] = useState('')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await attachMemory(projectId, chosen, 'read')
    setChosen('')
    reload()
    onAttached()
  })
  if (state.kind !== 'loaded') return null
  return (
    <form className="memory-form" onSubmit={onSubmit} data-testid="attach-memory">
      <label className="field__label" htmlFor="memory-attach">
        {t('memories.attach')}
      </label>
      {state.value.length === 0 ? (
        <p className="empty-state">{t('memories.nothingToAttach')}</p>
      ) : (
        <div className="memory-form__row">
          <select
            id="memory-attach"
            className="field__input"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">{t('memories.choose')}</option>
            {state.value.map((memory) => (
              <option key={memory.id} value={memory.id}>
                {t('memories.attachOption', { name: memory.name, project: memory.ownerName })}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={isSubmitting || chosen === ''}>
            {t('memories.attachSubmit')}
          </button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  )
}
