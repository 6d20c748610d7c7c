import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { TextDirection } from '@qalam/shared/text'
import { SuggestionList } from '../suggestions/SuggestionList.tsx'
import { SegmentHistory } from '../audit/SegmentHistory.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { StatusMarker } from '../grid/StatusMarker.tsx'
import { useSegment } from '../grid/useSegmentStore.ts'
import { ReviewNote } from '../review/ReviewNote.tsx'
import { ImportedContext } from '../formats/ImportedContext.tsx'

/**
 * Beside the grid: the active segment's status, the reviewer's note, the suggestions waiting on
 * it and its history.
 */
/** What the suggestions of the active segment need to be accepted or dismissed. */
export interface SuggestionContext {
  doc: Y.Doc
  userId: string
  mayEdit: boolean
  target: { lang: string; dir: TextDirection }
}

export function SegmentDetails({
  documentId,
  store,
  index,
  suggestions,
}: {
  documentId: string
  store: SegmentStore
  index: number | null
  suggestions: SuggestionContext
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
        <ActiveSegmentDetails
          documentId={documentId}
          store={store}
          index={index}
          suggestions={suggestions}
        />
      )}
    </aside>
  )
}

function ActiveSegmentDetails({
  documentId,
  store,
  index,
  suggestions,
}: {
  documentId: string
  store: SegmentStore
  index: number
  suggestions: SuggestionContext
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
      <SuggestionList
        doc={suggestions.doc}
        segment={segment}
        userId={suggestions.userId}
        mayDecide={suggestions.mayEdit && segment.status !== 'approved'}
        target={suggestions.target}
      />
      <ImportedContext segment={segment} />
      <SegmentHistory
        documentId={documentId}
        segmentId={segment.id}
        version={`${segment.status}:${segment.updatedAt ?? 0}`}
      />
    </>
  )
}
