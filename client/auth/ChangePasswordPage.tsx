import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { useSession } from './SessionContext.tsx'
import { changePassword } from './sessionApi.ts'

class MismatchError extends Error {}

/**
 * Shown instead of every page while the account holds a one-time password: the server answers
 * nothing else until it is changed, so the user is asked before anything else.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation()
  const { setUser } = useSession()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    if (next !== repeat) throw new MismatchError('mismatch')
    setUser(await changePassword(current, next))
  })
  return (
    <main className="login-page">
      <form className="login-page__card" onSubmit={onSubmit} data-testid="change-password-form">
        <h1>{t('password.title')}</h1>
        <p className="login-page__hint">{t('password.hint')}</p>
        <label className="field">
          {t('password.current')}
          <input
            type="password"
            className="field__input"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            required
            data-testid="current-password"
          />
        </label>
        <label className="field">
          {t('password.new')}
          <input
            type="password"
            className="field__input"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            required
            minLength={8}
            data-testid="new-password"
          />
        </label>
        <label className="field">
          {t('password.repeat')}
          <input
            type="password"
            className="field__input"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            required
            data-testid="repeat-password"
          />
        </label>
        {error instanceof MismatchError ? (
          <p className="form-error" role="alert" data-testid="password-error">
            {t('password.mismatch')}
          </p>
        ) : (
          error !== null && <ErrorMessage error={error} testId="password-error" />
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </main>
  )
}
