import { useTranslation } from 'react-i18next'
import { SegmentHistory } from '../audit/SegmentHistory.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { StatusMarker } from '../grid/StatusMarker.tsx'
import { useSegment } from '../grid/useSegmentStore.ts'
import { ReviewNote } from '../review/ReviewNote.tsx'
import { ImportedContext } from '../formats/ImportedContext.tsx'

/** Beside the grid: the active segment's status, the reviewer's note and its history. */
export function SegmentDetails({
  documentId,
  store,
  index,
}: {
  documentId: string
  store: SegmentStore
  index: number | null
}) {
  const { t } = useTranslation()
  return (
    <aside
      className="segment-details"
      aria-labelledby="details-title"
      data-testid="segment-details"
    >
      <h2 id="details-title">{t('details.title')}</h2>
      {index === null ? (
        <p className="empty-state">{t('details.none')}</p>
      ) : (
        <ActiveSegmentDetails documentId={documentId} store={store} index={index} />
      )}
    </aside>
  )
}

function ActiveSegmentDetails({
  documentId,
  store,
  index,
}: {
  documentId: string
  store: SegmentStore
  index: number
}) {
  const { t } = useTranslation()
  const segment = useSegment(store, index)
  if (segment === undefined) return null
  return (
    <>
      <p className="segment-details__status">
        {t('grid.segment', { number: index + 1 })} · <StatusMarker status={segment.status} />{' '}
        {t(`status.${segment.status}`)}
        {segment.status === 'approved' && ` · ${t('grid.locked')}`}
      </p>
      {segment.status === 'rejected' && segment.reviewNote !== '' && (
        <ReviewNote note={segment.reviewNote} />
      )}
      <ImportedContext segment={segment} />
      <SegmentHistory
        documentId={documentId}
        segmentId={segment.id}
        version={`${segment.status}:${segment.updatedAt ?? 0}`}
      />
    </>
  )
}
