import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx'
import { useLocalUser, useRenameUser } from '../presence/UserContext.tsx'

/** The bar above every page: product name, who you are, interface language. */
export function AppShell() {
  const { t } = useTranslation()
  const user = useLocalUser()
  const rename = useRenameUser()
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
          <button
            type="button"
            className="app-bar__user"
            onClick={rename}
            title={t('identity.change')}
            data-testid="current-user"
          >
            <span
              className="app-bar__user-dot"
              style={{ backgroundColor: user.color }}
              aria-hidden="true"
            />
            {t('identity.you', { name: user.name })}
          </button>
          <LanguageSwitcher />
        </div>
      </nav>
      <Outlet />
    </div>
  )
}
