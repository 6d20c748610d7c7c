import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { DocumentProgress } from '@qalam/shared/model'
import { may, type ActingRole } from '@qalam/shared/workflow'
import { ProgressBar } from '../documents/ProgressBar.tsx'
import { ExportButton } from '../export/ExportButton.tsx'
import { PreviewButton } from '../preview/PreviewButton.tsx'
import { ReviewTableButton } from '../reviewTable/ReviewTableButton.tsx'
import { DeleteControl } from '../manage/DeleteControl.tsx'
import { deleteDocument, renameDocument } from '../manage/manageApi.ts'
import { RenameControl } from '../manage/RenameControl.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { useLiveProgress } from '../grid/useSegmentStore.ts'
import { CollaboratorList } from '../presence/CollaboratorList.tsx'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { RoleBadge } from '../projects/RoleBadge.tsx'
import type { DocumentSession } from './DocumentSession.ts'
import { LiveConnectionStatus } from './LiveConnectionStatus.tsx'

interface DocumentHeaderProps {
  documentId: string
  projectId: string
  role: ActingRole
  /** The title the server lists; a rename changes it here, not in the document itself. */
  title: string
  store: SegmentStore
  /** Shown while the live progress is first counted. */
  serverProgress: DocumentProgress
  presence: PresenceStore
  session: DocumentSession
  sourceLabel: string
  targetLabel: string
  onToggleShortcuts: () => void
  onOpenConcordance: () => void
  /** Opens a segment by index (the export's report of unwritable characters links to them). */
  onGoToSegment: (index: number) => void
}

export function DocumentHeader({
  documentId,
  projectId,
  role,
  title: listedTitle,
  store,
  serverProgress,
  presence,
  session,
  sourceLabel,
  targetLabel,
  onToggleShortcuts,
  onOpenConcordance,
  onGoToSegment,
}: DocumentHeaderProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [title, setTitle] = useState(listedTitle)
  const progress = useLiveProgress(store, serverProgress)
  const mayManage = may(role, 'manageDocuments')
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
    return () => {
      document.title = t('app.name')
    }
  }, [title, t])
  return (
    <header className="document-header" aria-label={t('document.header')}>
      <div className="document-header__identity">
        <Link to={`/projects/${encodeURIComponent(projectId)}`} className="document-header__back">
          {t('document.backToProject')}
        </Link>
        <h1 className="document-header__title" data-testid="document-title" dir="auto">
          {title}
        </h1>
        <span className="language-pair">
          {t('documents.languagePair', { source: sourceLabel, target: targetLabel })}
        </span>
        <RoleBadge role={role} />
      </div>
      <ProgressBar progress={progress} />
      <div className="document-header__tools">
        <LiveConnectionStatus session={session} />
        <CollaboratorList presence={presence} />
        <button
          type="button"
          className="button button--quiet"
          title={t('concordance.openKeys')}
          aria-keyshortcuts="Control+K"
          // Keeps the editor's selection, which pre-fills the search.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onOpenConcordance}
          data-testid="concordance-open"
        >
          {t('concordance.open')}
        </button>
        <button type="button" className="button button--quiet" onClick={onToggleShortcuts}>
          {t('shortcuts.toggle')}
        </button>
        {may(role, 'export') && (
          <ExportButton documentId={documentId} store={store} onGoToSegment={onGoToSegment} />
        )}
        {may(role, 'export') && <PreviewButton documentId={documentId} />}
        {may(role, 'export') && may(role, 'import') && (
          <ReviewTableButton documentId={documentId} />
        )}
        {mayManage && (
          <RenameControl
            current={title}
            label={t('manage.newTitle')}
            onRename={async (next) => setTitle(await renameDocument(documentId, next))}
          />
        )}
        {mayManage && (
          <DeleteControl
            question={t('manage.confirmDeleteDocument', { title })}
            onDelete={async () => {
              await deleteDocument(documentId)
              await navigate(`/projects/${encodeURIComponent(projectId)}`)
            }}
          />
        )}
      </div>
    </header>
  )
}
