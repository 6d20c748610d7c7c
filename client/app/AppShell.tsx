import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useNavigate } from 'react-router'
import { useLocalUser, useSession, useSessionUser } from '../auth/SessionContext.tsx'
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx'
import { translateError } from '../i18n/translateError.ts'

/** The bar above every page behind the login: product name, who you are, logout, language. */
export function AppShell() {
  const { t, i18n } = useTranslation()
  const user = useLocalUser()
  const account = useSessionUser()
  const { logOut } = useSession()
  const navigate = useNavigate()
  const [logoutError, setLogoutError] = useState<unknown>(null)
  const leave = async () => {
    try {
      await logOut()
      await navigate('/login', { replace: true })
    } catch (error) {
      setLogoutError(error)
    }
  }
  return (
    <div className="app">
      <nav className="app-bar" aria-label={t('app.mainNavigation')}>
        <Link to="/" className="app-bar__brand">
          <span className="app-bar__logo" aria-hidden="true">
            ق
          </span>
          {t('app.name')}
          <span className="app-bar__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="app-bar__end">
          {account.isAdmin && (
            <Link to="/admin" className="app-bar__link" data-testid="admin-link">
              {t('admin.link')}
            </Link>
          )}
          <span className="app-bar__user" data-testid="current-user">
            <span
              className="app-bar__user-dot"
              style={{ backgroundColor: user.color }}
              aria-hidden="true"
            />
            {t('identity.you', { name: user.name })}
          </span>
          <button
            type="button"
            className="app-bar__logout"
            onClick={() => void leave()}
            data-testid="logout"
          >
            {t('auth.logout')}
          </button>
          <LanguageSwitcher />
        </div>
      </nav>
      {logoutError !== null && (
        <p className="form-error app__error" role="alert">
          {translateError(i18n, logoutError)}
        </p>
      )}
      <Outlet />
    </div>
  )
}
