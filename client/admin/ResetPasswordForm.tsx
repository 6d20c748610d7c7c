import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { resetPassword, type Account } from './usersApi.ts'

/** The administrator types a one-time password for `account`; it must be changed at next login. */
export function ResetPasswordForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [done, setDone] = useState(false)
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await resetPassword(account.id, password)
    setDone(true)
    onDone()
  })
  if (done) {
    return (
      <p role="status" data-testid="reset-done">
        {t('admin.resetDone', { username: account.username })}
      </p>
    )
  }
  return (
    <form className="reset-password" onSubmit={onSubmit} data-testid="reset-form">
      <label>
        {t('admin.oneTimePassword', { username: account.username })}
        <input
          type="text"
          autoComplete="off"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
          minLength={8}
          data-testid="reset-password"
        />
      </label>
      <small>{t('admin.resetHint')}</small>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('admin.resetPassword')}
      </button>
      {error !== null && <ErrorMessage error={error} testId="reset-error" />}
    </form>
  )
}
