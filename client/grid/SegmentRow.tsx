import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { segmentAt } from '@qalam/shared/model'
import type { TextDirection } from '@qalam/shared/text'
import { placeCaretInEditable, textOffsetAtPoint } from '../editor/caretFromPoint.ts'
import { SegmentEditor } from '../editor/SegmentEditor.tsx'
import { HighlightedText } from '../find/FindHighlight.tsx'
import { SourceText } from '../glossary/TermHighlight.tsx'
import { TaggedText } from '../tags/TaggedText.tsx'
import type { SharedProvider } from '../editor/sharedProvider.ts'
import type { LocalUser } from '../presence/identity.ts'
import { EditingNotice } from '../presence/EditingNotice.tsx'
import { PresenceChips } from '../presence/PresenceChips.tsx'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { useCollaboratorsIn } from '../presence/usePresence.ts'
import type { SegmentStore } from './SegmentStore.ts'
import { RepetitionMarker } from '../repetitions/RepeatedSegments.tsx'
import { LockIcon } from '../review/LockIcon.tsx'
import { ReviewNote } from '../review/ReviewNote.tsx'
import { StatusMarker } from './StatusMarker.tsx'
import { SuggestionMarker } from '../suggestions/SuggestionMarker.tsx'
import { useSegment } from './useSegmentStore.ts'

export interface TextSide {
  lang: string
  dir: TextDirection
}

export interface SegmentRowProps {
  index: number
  store: SegmentStore
  presence: PresenceStore
  doc: Y.Doc
  provider: SharedProvider
  user: LocalUser
  source: TextSide
  target: TextSide
  mayEdit: boolean
  isActive: boolean
  onActivate: (index: number) => void
}

/** One segment: number, source, target (the editor when active), status. */
export const SegmentRow = memo(function SegmentRow({
  index,
  store,
  presence,
  doc,
  provider,
  user,
  source,
  target,
  mayEdit,
  isActive,
  onActivate,
}: SegmentRowProps) {
  const { t, i18n } = useTranslation()
  const segment = useSegment(store, index)
  const collaborators = useCollaboratorsIn(presence, segment?.id ?? '')
  // Where a click put the caret, for the editor that opens on it; null: at the end.
  const [caretOffset, setCaretOffset] = useState<number | null>(null)
  const [wasActive, setWasActive] = useState(isActive)
  if (wasActive !== isActive) {
    // Opened again by keyboard or another row's action, the editor starts at the end.
    setWasActive(isActive)
    if (!isActive) setCaretOffset(null)
  }
  if (segment === undefined) return null
  const isLocked = segment.status === 'approved'
  const isReadOnly = isLocked || !mayEdit
  const note = segment.status === 'rejected' ? segment.reviewNote : ''
  const activate = () => {
    if (!isActive) onActivate(index)
  }
  const onTargetClick = (event: MouseEvent<HTMLElement>) => {
    if (isActive) return
    const text = event.currentTarget.querySelector('.segment-row__target-text')
    setCaretOffset(text === null ? null : textOffsetAtPoint(text, event.clientX, event.clientY))
    onActivate(index)
  }
  const onTargetMouseDown = (event: MouseEvent<HTMLElement>) => {
    const editable = event.currentTarget.querySelector<HTMLElement>('[contenteditable="true"]')
    if (!isActive || editable === null || editable.contains(event.target as Node)) return
    // A press on the note or the chips would take the focus out of the editor, and the keys
    // typed next would go nowhere.
    event.preventDefault()
    placeCaretInEditable(editable, event.clientX, event.clientY)
  }
  const onTargetKeyDown = (event: KeyboardEvent) => {
    if (!isActive && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      activate()
    }
  }
  const segmentMap = isActive ? segmentAt(doc, index) : undefined
  const occupant = collaborators[0]
  return (
    <div
      role="row"
      className={`segment-row segment-row--${segment.status}${isActive ? ' segment-row--active' : ''}${occupant === undefined ? '' : ' segment-row--occupied'}`}
      style={
        occupant === undefined
          ? undefined
          : ({ '--occupant-color': occupant.color } as React.CSSProperties)
      }
      data-occupied-by={collaborators.map((collaborator) => collaborator.name).join(', ')}
      aria-selected={isActive}
      aria-rowindex={index + 2}
      aria-label={t('grid.segment', { number: index + 1 })}
      data-segment-index={index}
      data-segment-id={segment.id}
      data-status={segment.status}
    >
      <div role="cell" className="segment-row__number">
        {index + 1}
        <RepetitionMarker segmentId={segment.id} />
        <SuggestionMarker count={segment.suggestions.length} />
      </div>
      <div
        role="cell"
        className="segment-row__source"
        data-testid="source"
        lang={source.lang}
        dir={source.dir}
      >
        {segment.tags.length > 0 ? (
          <TaggedText text={segment.source} tags={segment.sourceTags} list={segment.tags} />
        ) : (
          <SourceText text={segment.source} index={index} />
        )}
      </div>
      <div
        role="cell"
        className="segment-row__target"
        data-testid="target"
        lang={target.lang}
        dir={target.dir}
        tabIndex={isActive ? -1 : 0}
        onClick={onTargetClick}
        onMouseDown={onTargetMouseDown}
        onKeyDown={onTargetKeyDown}
        title={isLocked ? t('grid.readOnly') : undefined}
      >
        {note !== '' && <ReviewNote note={note} />}
        {segmentMap !== undefined ? (
          <SegmentEditor
            key={segment.id}
            doc={doc}
            provider={provider}
            segment={segmentMap}
            segmentId={segment.id}
            user={user}
            isReadOnly={isReadOnly}
            lang={target.lang}
            dir={target.dir}
            caretOffset={caretOffset}
            approver={isLocked ? presence.nameOf(segment.updatedBy) : null}
          />
        ) : segment.target === '' ? (
          <span className="segment-row__placeholder" lang={i18n.resolvedLanguage} dir="auto">
            {t('grid.emptyTarget')}
          </span>
        ) : (
          <span className="segment-row__target-text">
            {segment.tags.length > 0 ? (
              <TaggedText text={segment.target} tags={segment.targetTags} list={segment.tags} />
            ) : (
              <HighlightedText text={segment.target} index={index} side="target" />
            )}
          </span>
        )}
        {isActive && <EditingNotice collaborators={collaborators} />}
        <PresenceChips collaborators={collaborators} />
      </div>
      <div role="cell" className="segment-row__status">
        <StatusMarker status={segment.status} />
        {isLocked && <LockIcon label={t('grid.locked')} />}
      </div>
    </div>
  )
})
