import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation } from 'react-router'
import { translateError } from '../i18n/translateError.ts'
import { ChangePasswordPage } from './ChangePasswordPage.tsx'
import { useSession } from './SessionContext.tsx'
import { loginPath } from './returnPath.ts'

/** Every page below it needs a session; without one the user logs in and comes back here. */
export function RequireSession() {
  const { t, i18n } = useTranslation()
  const { state } = useSession()
  const location = useLocation()
  switch (state.kind) {
    case 'loading':
      return (
        <div className="page-message" role="status">
          <p>{t('auth.checking')}</p>
        </div>
      )
    case 'failed':
      return (
        <div className="page-message" role="alert">
          <p>{translateError(i18n, state.error)}</p>
        </div>
      )
    case 'anonymous':
      return <Navigate to={loginPath(location)} replace />
    case 'loggedIn':
      return state.user.mustChangePassword ? <ChangePasswordPage /> : <Outlet />
  }
}
