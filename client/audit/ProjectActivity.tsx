import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { fetchProjectAudit, type AuditEntry } from './auditApi.ts'
import { AuditEntryItem } from './AuditEntryItem.tsx'

const PAGE_SIZE = 20

interface ActivityState {
  entries: AuditEntry[]
  next: number | null
  isLoading: boolean
  error: unknown
}

/**
 * The project's audit log, newest first, a page at a time. `refreshKey` changes when the page
 * itself changed something (a member added), so the newest entries are read again.
 */
export function ProjectActivity({
  projectId,
  refreshKey,
  documentTitle,
}: {
  projectId: string
  refreshKey: number
  documentTitle: (documentId: string) => string | undefined
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<ActivityState>({
    entries: [],
    next: null,
    isLoading: true,
    error: null,
  })

  useEffect(() => {
    const controller = new AbortController()
    setState((current) => ({ ...current, isLoading: true }))
    fetchProjectAudit(projectId, null, PAGE_SIZE, controller.signal).then(
      (page) => setState({ entries: page.entries, next: page.next, isLoading: false, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((current) => ({ ...current, isLoading: false, error }))
      },
    )
    return () => controller.abort()
  }, [projectId, refreshKey])

  const loadOlder = useCallback(() => {
    if (state.next === null) return
    setState((current) => ({ ...current, isLoading: true }))
    fetchProjectAudit(projectId, state.next, PAGE_SIZE).then(
      (page) =>
        setState((current) => ({
          entries: [...current.entries, ...page.entries],
          next: page.next,
          isLoading: false,
          error: null,
        })),
      (error: unknown) => setState((current) => ({ ...current, isLoading: false, error })),
    )
  }, [projectId, state.next])

  return (
    <section className="panel" aria-labelledby="activity-title" data-testid="project-activity">
      <h2 id="activity-title">{t('activity.title')}</h2>
      {state.error !== null && <ErrorMessage error={state.error} />}
      {!state.isLoading && state.entries.length === 0 && state.error === null && (
        <p className="empty-state">{t('activity.empty')}</p>
      )}
      <ol className="audit-list">
        {state.entries.map((entry) => (
          <AuditEntryItem
            key={entry.id}
            entry={entry}
            context={entry.documentId === null ? undefined : documentTitle(entry.documentId)}
          />
        ))}
      </ol>
      {state.isLoading && <p role="status">{t('activity.loading')}</p>}
      {state.next !== null && !state.isLoading && (
        <button type="button" className="button" onClick={loadOlder} data-testid="activity-older">
          {t('activity.older')}
        </button>
      )}
    </section>
  )
}
