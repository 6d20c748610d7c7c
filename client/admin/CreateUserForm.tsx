import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSubmit } from '../http/useSubmit.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { createUser } from './usersApi.ts'

/** Creates an account with a first password; its owner can then log in. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [isAdmin, setAdmin] = useState(false)
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await createUser({ username: username.trim(), password, isAdmin })
    setUsername('')
    setPassword('')
    setAdmin(false)
    onCreated()
  })
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="create-user-form" autoComplete="off">
      <h2>{t('admin.createUser')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="new-username">
          {t('admin.username')}
        </label>
        <input
          id="new-username"
          name="username"
          className="field__input"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          dir="auto"
          required
        />
        <span className="field__hint">{t('admin.usernameHint')}</span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="new-password">
          {t('admin.password')}
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          className="field__input"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          minLength={8}
          required
        />
        <span className="field__hint">{t('admin.passwordHint')}</span>
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          name="isAdmin"
          checked={isAdmin}
          onChange={(event) => setAdmin(event.target.checked)}
        />
        {t('admin.isAdmin')}
      </label>
      {error !== null && <ErrorMessage error={error} testId="create-user-error" />}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('admin.create')}
      </button>
    </form>
  )
}
