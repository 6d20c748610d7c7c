import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { may } from '@qalam/shared/workflow'
import { ProjectActivity } from '../audit/ProjectActivity.tsx'
import { DocumentTable } from '../documents/DocumentTable.tsx'
import { fetchProjectDocuments } from '../documents/documentSummary.ts'
import { ApiError } from '../http/requestJson.ts'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useSessionUser } from '../auth/SessionContext.tsx'
import { ImportForm } from '../import/ImportForm.tsx'
import { translateError } from '../i18n/translateError.ts'
import { DeleteControl } from '../manage/DeleteControl.tsx'
import { DeletedPanel } from '../manage/DeletedPanel.tsx'
import {
  deleteProject,
  fetchDeletedDocuments,
  renameProject,
  restoreDocument,
} from '../manage/manageApi.ts'
import { RenameControl } from '../manage/RenameControl.tsx'
import { MembersPanel } from '../members/MembersPanel.tsx'
import { MemoriesPanel } from '../memories/MemoriesPanel.tsx'
import { SegmentationPanel } from '../segmentation/SegmentationPanel.tsx'
import { GlossaryPanel } from '../glossary/GlossaryPanel.tsx'
import { ExportRulePanel } from '../export/ExportRulePanel.tsx'
import { PrefillPanel } from '../prefill/PrefillPanel.tsx'
import { fetchProject, type Project } from './projectsApi.ts'
import { RoleBadge } from './RoleBadge.tsx'

/** `/projects/:id`: the project's documents, import, members and activity. */
export function ProjectPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const load = useCallback((signal: AbortSignal) => fetchProject(id, signal), [id])
  const [state] = useRequest(load)
  if (state.kind === 'loading')
    return (
      <div className="page-message" role="status">
        <p>{t('projects.loadingOne')}</p>
      </div>
    )
  if (state.kind === 'failed') {
    const isMissing = state.error instanceof ApiError && state.error.status === 404
    return (
      <div className="page-message" role="alert" data-testid="project-missing">
        <p>{isMissing ? t('errors.project.not_found') : translateError(i18n, state.error)}</p>
        <Link to="/">{t('projects.backToList')}</Link>
      </div>
    )
  }
  return <ProjectView project={state.value} />
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useSessionUser()
  const mayManage = may(project.role, 'manageDocuments')
  const [name, setName] = useState(project.name)
  const loadDocuments = useCallback(
    (signal: AbortSignal) => fetchProjectDocuments(project.id, signal),
    [project.id],
  )
  const loadDeleted = useCallback(
    (signal: AbortSignal) => fetchDeletedDocuments(project.id, signal),
    [project.id],
  )
  const [documents, reloadDocuments] = useRequest(loadDocuments)
  const [activityKey, setActivityKey] = useState(0)
  const refreshActivity = useCallback(() => setActivityKey((key) => key + 1), [])
  const titles = useMemo(
    () =>
      new Map(
        documents.kind === 'loaded' ? documents.value.map((d) => [d.id, d.title] as const) : [],
      ),
    [documents],
  )
  const documentTitle = useCallback((documentId: string) => titles.get(documentId), [titles])
  useEffect(() => {
    document.title = `${name} · ${t('app.name')}`
    return () => {
      document.title = t('app.name')
    }
  }, [name, t])

  return (
    <main className="project-page" data-testid="project-page" data-role={project.role}>
      <header className="project-page__header">
        <Link to="/" className="document-header__back">
          {t('projects.backToList')}
        </Link>
        <h1 data-testid="project-name" dir="auto">
          {name}
        </h1>
        <RoleBadge role={project.role} />
        {mayManage && (
          <RenameControl
            current={name}
            label={t('manage.newName')}
            onRename={async (next) => {
              setName(await renameProject(project.id, next))
              refreshActivity()
            }}
          />
        )}
        {user.isAdmin && (
          <DeleteControl
            question={t('manage.confirmDeleteProject', { name })}
            onDelete={async () => {
              await deleteProject(project.id)
              await navigate('/')
            }}
          />
        )}
      </header>
      <div className="page-columns">
        <div className="page-columns__main">
          <section className="panel" aria-labelledby="documents-title">
            <h2 id="documents-title">{t('documents.title')}</h2>
            <RequestProgress state={documents} loading={t('documents.loading')} />
            {documents.kind === 'loaded' &&
              (documents.value.length === 0 ? (
                <p className="empty-state">
                  {mayManage ? t('documents.empty') : t('documents.emptyReadOnly')}
                </p>
              ) : (
                <DocumentTable documents={documents.value} />
              ))}
          </section>
          <ProjectActivity
            projectId={project.id}
            refreshKey={activityKey}
            documentTitle={documentTitle}
          />
        </div>
        <aside className="page-columns__side">
          {mayManage && <ImportForm projectId={project.id} />}
          {mayManage && (
            <Link
              to={`/align?project=${encodeURIComponent(project.id)}`}
              className="button"
              data-testid="align-link"
              title={t('align.linkHint')}
            >
              {t('align.link')}
            </Link>
          )}
          <MembersPanel projectId={project.id} mayManage={mayManage} onChanged={refreshActivity} />
          <SegmentationPanel projectId={project.id} mayManage={may(project.role, 'import')} />
          <MemoriesPanel
            projectId={project.id}
            languagePair={
              documents.kind === 'loaded' && documents.value[0]
                ? [documents.value[0].sourceLang, documents.value[0].targetLang]
                : null
            }
            mayManage={may(project.role, 'import')}
            mayExport={may(project.role, 'export')}
          />
          <GlossaryPanel projectId={project.id} mayManage={may(project.role, 'import')} />
          <ExportRulePanel
            projectId={project.id}
            mayManage={mayManage}
            onChanged={refreshActivity}
          />
          <PrefillPanel projectId={project.id} mayManage={mayManage} onChanged={refreshActivity} />
          {mayManage && (
            <DeletedPanel
              title={t('manage.deletedDocuments')}
              load={loadDeleted}
              restore={restoreDocument}
              onRestored={() => {
                reloadDocuments()
                refreshActivity()
              }}
            />
          )}
        </aside>
      </div>
    </main>
  )
}
