import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { ApiError } from '../http/requestJson.ts'
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { returnPathFrom } from './returnPath.ts'
import { useSession } from './SessionContext.tsx'
import { logIn } from './sessionApi.ts'
import { formatWait } from './waitDuration.ts'

/** `/login`: user name and password; afterwards back to the page that asked for a session. */
export function LoginPage() {
  const { t, i18n } = useTranslation()
  const { state, setUser } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const next = returnPathFrom(location.search)
  const { onSubmit, isSubmitting, error } = useSubmit(
    async () => {
      setUser(await logIn(username.trim(), password))
      await navigate(next, { replace: true })
    },
    { onFailure: () => setPassword('') },
  )

  if (state.kind === 'loggedIn' && !isSubmitting) return <Navigate to={next} replace />

  const wait =
    error instanceof ApiError && error.code === 'auth.rate_limited' && error.retryAfterSeconds
      ? formatWait(error.retryAfterSeconds, i18n.resolvedLanguage ?? 'en')
      : null

  return (
    <main className="login-page">
      <div className="login-page__language">
        <LanguageSwitcher />
      </div>
      <form className="login-page__card" onSubmit={onSubmit} data-testid="login-form">
        <div className="login-page__brand">
          <span className="app-bar__logo" aria-hidden="true">
            ق
          </span>
          <span>{t('app.name')}</span>
        </div>
        <h1>{t('login.title')}</h1>
        <p className="login-page__hint">{t('login.hint')}</p>
        <div className="field">
          <label className="field__label" htmlFor="login-username">
            {t('login.username')}
          </label>
          <input
            id="login-username"
            name="username"
            className="field__input"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            dir="auto"
            required
            autoFocus
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="login-password">
            {t('login.password')}
          </label>
          <input
            id="login-password"
            name="password"
            type="password"
            className="field__input"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
            required
          />
        </div>
        {error !== null && (
          <ErrorMessage error={error} testId="login-error">
            {wait !== null && ` ${t('login.retryIn', { wait })}`}
          </ErrorMessage>
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  )
}
