import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { AlignForm } from './AlignForm.tsx'
import type { AlignmentProposal } from './alignmentRequests.ts'
import { AlignmentReview } from './AlignmentReview.tsx'
import './align.css'

/**
 * `/align?project=ID`: upload a text and its translation, then review the proposed pairs.
 * The document is created in the project, so the page needs one.
 */
export function AlignPage() {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const projectId = searchParams.get('project') ?? ''
  const [proposal, setProposal] = useState<AlignmentProposal | null>(null)
  if (projectId === '') {
    return (
      <div className="page-message" role="alert" data-testid="align-no-project">
        <p>{t('align.noProject')}</p>
        <Link to="/">{t('align.chooseProject')}</Link>
      </div>
    )
  }
  if (proposal === null) {
    return (
      <main className="align-page align-page--form">
        <Link to={`/projects/${encodeURIComponent(projectId)}`} className="document-header__back">
          {t('align.backToProject')}
        </Link>
        <AlignForm projectId={projectId} onProposal={setProposal} />
      </main>
    )
  }
  return (
    <AlignmentReview
      projectId={projectId}
      proposal={proposal}
      onStartOver={() => setProposal(null)}
    />
  )
}
