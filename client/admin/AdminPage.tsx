import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSessionUser } from '../auth/SessionContext.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useRequest } from '../http/useRequest.ts'
import { CreateUserForm } from './CreateUserForm.tsx'
import { ResetPasswordForm } from './ResetPasswordForm.tsx'
import { fetchUsers, setUserActive, type Account } from './usersApi.ts'
import { useFormatter } from '../i18n/formatting.ts'

/** `/admin`: the accounts, and a form to create one. Administrators only. */
export function AdminPage() {
  const { t } = useTranslation()
  const format = useFormatter()
  const user = useSessionUser()
  const [state, reload] = useRequest(fetchUsers)
  const [resetting, setResetting] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const toggleActive = async (account: Account) => {
    setError(null)
    try {
      await setUserActive(account.id, !account.isActive)
      reload()
    } catch (failure) {
      setError(failure)
    }
  }
  if (!user.isAdmin)
    return (
      <div className="page-message" role="alert">
        <p>{t('errors.auth.forbidden')}</p>
        <Link to="/">{t('projects.backToList')}</Link>
      </div>
    )
  return (
    <main className="page-columns">
      <section className="panel" aria-labelledby="users-title">
        <h1 id="users-title">{t('admin.users')}</h1>
        <RequestProgress state={state} loading={t('admin.loading')} />
        {state.kind === 'loaded' && (
          <table className="document-table" data-testid="user-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.username')}</th>
                <th scope="col">{t('admin.kind')}</th>
                <th scope="col">{t('admin.created')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((account) => (
                <tr
                  key={account.id}
                  data-username={account.username}
                  data-active={account.isActive}
                >
                  <th scope="row" dir="auto">
                    {account.username}
                  </th>
                  <td>{account.isAdmin ? t('admin.administrator') : t('admin.member')}</td>
                  <td className="document-table__date">
                    {format.date(account.createdAt, { dateStyle: 'medium' })}
                  </td>
                  <td data-testid="user-status">
                    {account.isActive ? t('admin.active') : t('admin.deactivated')}
                    {account.mustChangePassword && <small> · {t('admin.mustChange')}</small>}
                  </td>
                  <td>
                    {account.id !== user.id && (
                      <button
                        type="button"
                        className="button button--quiet"
                        data-testid="toggle-active"
                        onClick={() => void toggleActive(account)}
                      >
                        {account.isActive ? t('admin.deactivate') : t('admin.reactivate')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--quiet"
                      data-testid="reset"
                      onClick={() => setResetting(account.id)}
                    >
                      {t('admin.resetPassword')}
                    </button>
                    {resetting === account.id && (
                      <ResetPasswordForm account={account} onDone={reload} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error !== null && <ErrorMessage error={error} testId="user-error" />}
      </section>
      <aside>
        <CreateUserForm onCreated={reload} />
      </aside>
    </main>
  )
}
