import { memo, useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { fetchSegmentAudit } from './auditApi.ts'
import { AuditEntryItem } from './AuditEntryItem.tsx'

const LATE_ENTRY_MS = 1200

/**
 * Who moved one segment through the workflow, and when. `version` changes whenever the
 * segment's status does, so an approval made a moment ago shows up. Memoized: the details
 * panel re-renders on every keystroke in the segment, its history only when `version` moves.
 */
export const SegmentHistory = memo(function SegmentHistory({
  documentId,
  segmentId,
  version,
}: {
  documentId: string
  segmentId: string
  version: string
}) {
  const { t } = useTranslation()
  const load = useCallback(
    (signal: AbortSignal) => fetchSegmentAudit(documentId, segmentId, signal),
    // `version` is a dependency on purpose: a new status means new entries to read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [documentId, segmentId, version],
  )
  const [state, reload] = useRequest(load)
  useEffect(() => {
    // The server appends the entry when it accepts the update, which can be just after we
    // asked; one more look shortly after a change catches it.
    const timer = setTimeout(reload, LATE_ENTRY_MS)
    return () => clearTimeout(timer)
  }, [version, reload])
  return (
    <section
      className="segment-history"
      aria-labelledby="history-title"
      data-testid="segment-history"
    >
      <h3 id="history-title">{t('history.title')}</h3>
      <RequestProgress state={state} loading={t('history.loading')} />
      {state.kind === 'loaded' &&
        (state.value.length === 0 ? (
          <p className="empty-state">{t('history.empty')}</p>
        ) : (
          <ol className="audit-list">
            {state.value.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
        ))}
    </section>
  )
})
