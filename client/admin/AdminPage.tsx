import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSessionUser } from '../auth/SessionContext.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { CreateUserForm } from './CreateUserForm.tsx'
import { fetchUsers } from './usersApi.ts'
import { useFormatter } from '../i18n/formatting.ts'

/** `/admin`: the accounts, and a form to create one. Administrators only. */
export function AdminPage() {
  const { t } = useTranslation()
  const format = useFormatter()
  const user = useSessionUser()
  const [state, reload] = useRequest(fetchUsers)
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
              </tr>
            </thead>
            <tbody>
              {state.value.map((account) => (
                <tr key={account.id} data-username={account.username}>
                  <th scope="row" dir="auto">
                    {account.username}
                  </th>
                  <td>{account.isAdmin ? t('admin.administrator') : t('admin.member')}</td>
                  <td className="document-table__date">
                    {format.date(account.createdAt, { dateStyle: 'medium' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside>
        <CreateUserForm onCreated={reload} />
      </aside>
    </main>
  )
}
