import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { createMemory } from './memoriesApi.ts'

/** A manager names a new memory of the project; it is read from at once. */
export function CreateMemoryForm({
  projectId,
  onCreated,
}: {
  projectId: string
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await createMemory(projectId, name)
    setName('')
    onCreated()
  })
  return (
    <form className="memory-form" onSubmit={onSubmit} data-testid="create-memory">
      <label className="field__label" htmlFor="memory-name">
        {t('memories.newName')}
      </label>
      <div className="memory-form__row">
        <input
          id="memory-name"
          className="field__input"
          value={name}
          required
          maxLength={200}
          dir="auto"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button" disabled={isSubmitting || name.trim() === ''}>
          {t('memories.create')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  )
}
