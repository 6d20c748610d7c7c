import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'

/** A "Rename" button that opens an inline field with the current name; saves through `onRename`. */
export function RenameControl({
  current,
  label,
  onRename,
}: {
  current: string
  label: string
  onRename: (name: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(current)
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await onRename(value.trim())
    setEditing(false)
  })
  if (!editing) {
    return (
      <button
        type="button"
        className="button button--quiet"
        data-testid="rename"
        onClick={() => {
          setValue(current)
          setEditing(true)
        }}
      >
        {t('manage.rename')}
      </button>
    )
  }
  return (
    <form className="rename-form" onSubmit={onSubmit} data-testid="rename-form">
      <label>
        {label}
        <input
          value={value}
          onChange={(event) => setValue(event.target.value)}
          dir="auto"
          required
          maxLength={300}
          autoFocus
          data-testid="rename-input"
        />
      </label>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('manage.save')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
        {t('manage.cancel')}
      </button>
      {error !== null && <ErrorMessage error={error} testId="rename-error" />}
    </form>
  )
}
