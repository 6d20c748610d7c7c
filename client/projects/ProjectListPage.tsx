import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSessionUser } from '../auth/SessionContext.tsx'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { DeletedPanel } from '../manage/DeletedPanel.tsx'
import { fetchDeletedProjects, restoreProject } from '../manage/manageApi.ts'
import { CreateProjectForm } from './CreateProjectForm.tsx'
import { fetchProjects } from './projectsApi.ts'
import { RoleBadge } from './RoleBadge.tsx'
import { useFormatter } from '../i18n/formatting.ts'

/** `/`: the projects the user is a member of (all of them for an administrator). */
export function ProjectListPage() {
  const { t } = useTranslation()
  const format = useFormatter()
  const user = useSessionUser()
  const [state, reload] = useRequest(fetchProjects)
  return (
    <main className="page-columns">
      <section className="panel" aria-labelledby="projects-title">
        <h1 id="projects-title">{t('projects.title')}</h1>
        <RequestProgress state={state} loading={t('projects.loading')} />
        {state.kind === 'loaded' &&
          (state.value.length === 0 ? (
            <p className="empty-state" data-testid="projects-empty">
              {user.isAdmin ? t('projects.emptyAdmin') : t('projects.empty')}
            </p>
          ) : (
            <table className="document-table" data-testid="project-table">
              <thead>
                <tr>
                  <th scope="col">{t('projects.columnName')}</th>
                  <th scope="col">{t('projects.columnRole')}</th>
                  <th scope="col">{t('projects.columnDocuments')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((project) => (
                  <tr key={project.id} data-project-id={project.id}>
                    <th scope="row" className="document-table__title">
                      <Link to={`/projects/${encodeURIComponent(project.id)}`} dir="auto">
                        {project.name}
                      </Link>
                    </th>
                    <td>
                      <RoleBadge role={project.role} />
                    </td>
                    <td className="document-table__count">{format.number(project.documents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
      {user.isAdmin && (
        <aside>
          <CreateProjectForm />
          <DeletedPanel
            title={t('manage.deletedProjects')}
            load={fetchDeletedProjects}
            restore={restoreProject}
            onRestored={reload}
          />
        </aside>
      )}
    </main>
  )
}
