import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DocumentProgress } from '@qalam/shared/model'
import { may, type ActingRole } from '@qalam/shared/workflow'
import { ProgressBar } from '../documents/ProgressBar.tsx'
import { ExportButton } from '../export/ExportButton.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { useDocumentMeta, useLiveProgress } from '../grid/useSegmentStore.ts'
import { CollaboratorList } from '../presence/CollaboratorList.tsx'
import { ConnectionStatus } from '../presence/ConnectionStatus.tsx'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { RoleBadge } from '../projects/RoleBadge.tsx'
import type { ConnectionState } from './DocumentSession.ts'

interface DocumentHeaderProps {
  documentId: string
  projectId: string
  role: ActingRole
  store: SegmentStore
  /** Shown while the live progress is first counted. */
  serverProgress: DocumentProgress
  presence: PresenceStore
  connection: ConnectionState
  sourceLabel: string
  targetLabel: string
  onToggleShortcuts: () => void
}

export function DocumentHeader({
  documentId,
  projectId,
  role,
  store,
  serverProgress,
  presence,
  connection,
  sourceLabel,
  targetLabel,
  onToggleShortcuts,
}: DocumentHeaderProps) {
  const { t } = useTranslation()
  const meta = useDocumentMeta(store)
  const progress = useLiveProgress(store, serverProgress)
  useEffect(() => {
    document.title = `${meta.title} · ${t('app.name')}`
    return () => {
      document.title = t('app.name')
    }
  }, [meta.title, t])
  return (
    <header className="document-header" aria-label={t('document.header')}>
      <div className="document-header__identity">
        <Link to={`/projects/${encodeURIComponent(projectId)}`} className="document-header__back">
          {t('document.backToProject')}
        </Link>
        <h1 className="document-header__title" data-testid="document-title">
          {meta.title}
        </h1>
        <span className="language-pair">
          {t('documents.languagePair', { source: sourceLabel, target: targetLabel })}
        </span>
        <RoleBadge role={role} />
      </div>
      <ProgressBar progress={progress} />
      <div className="document-header__tools">
        <ConnectionStatus state={connection} />
        <CollaboratorList presence={presence} />
        <button type="button" className="button button--quiet" onClick={onToggleShortcuts}>
          {t('shortcuts.toggle')}
        </button>
        {may(role, 'export') && <ExportButton documentId={documentId} store={store} />}
      </div>
    </header>
  )
}
