import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  acceptSuggestion,
  dismissSuggestion,
  markedText,
  revertAcceptance,
  type Acceptance,
  type SegmentView,
  type Suggestion,
} from '@qalam/shared/model'
import { diffWords, type TextDirection } from '@qalam/shared/text'
import { useFormatter } from '../i18n/formatting.ts'
import './suggestions.css'

/**
 * The suggestions waiting on the active segment (from an edited review table), each with a
 * word-level comparison against the translation as it stands now, and Accept / Dismiss.
 * Accepting is one change to the target, and Undo puts the earlier translation back.
 */
export function SuggestionList({
  doc,
  segment,
  userId,
  mayDecide,
  target,
}: {
  doc: Y.Doc
  segment: SegmentView
  userId: string
  /** False for viewers and for an approved segment, whose suggestions wait for a reopening. */
  mayDecide: boolean
  target: { lang: string; dir: TextDirection }
}) {
  const { t } = useTranslation()
  const [accepted, setAccepted] = useState<Acceptance | null>(null)
  const origin = { kind: 'user', userId } as const
  const current = markedText({ text: segment.target, tags: segment.targetTags })
  const isUndoable = accepted !== null && accepted.segmentId === segment.id
  if (segment.suggestions.length === 0 && !isUndoable) return null
  return (
    <section className="suggestions" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h3 id="suggestions-title">
        {t('suggestions.title', { count: segment.suggestions.length })}
      </h3>
      {!mayDecide && segment.suggestions.length > 0 && (
        <p className="suggestions__note">
          {segment.status === 'approved' ? t('suggestions.locked') : t('suggestions.readOnly')}
        </p>
      )}
      <ul className="suggestions__list">
        {segment.suggestions.map((suggestion) => (
          <SuggestionItem
            key={suggestion.id}
            suggestion={suggestion}
            current={current}
            target={target}
            mayDecide={mayDecide}
            onAccept={() => setAccepted(acceptSuggestion(doc, segment.id, suggestion.id, origin))}
            onDismiss={() => dismissSuggestion(doc, segment.id, suggestion.id, origin)}
          />
        ))}
      </ul>
      {isUndoable && (
        <p className="suggestions__accepted" role="status">
          {t('suggestions.accepted')}{' '}
          <button
            type="button"
            className="button button--quiet"
            data-testid="suggestion-undo"
            onClick={() => {
              revertAcceptance(doc, accepted, origin)
              setAccepted(null)
            }}
          >
            {t('suggestions.undo')}
          </button>
        </p>
      )}
    </section>
  )
}

function SuggestionItem({
  suggestion,
  current,
  target,
  mayDecide,
  onAccept,
  onDismiss,
}: {
  suggestion: Suggestion
  current: string
  target: { lang: string; dir: TextDirection }
  mayDecide: boolean
  onAccept: () => void
  onDismiss: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const proposed = markedText(suggestion)
  return (
    <li className="suggestion" data-testid="suggestion" data-suggestion-id={suggestion.id}>
      <p className="suggestion__origin">
        {t(`suggestions.origin.${suggestion.origin}`)} ·{' '}
        {format.date(suggestion.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </p>
      <p
        className="suggestion__diff"
        lang={target.lang}
        dir={target.dir}
        data-testid="suggestion-diff"
      >
        {diffWords(current, proposed).map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : (
            <del key={index}>{part.text}</del>
          ),
        )}
      </p>
      {mayDecide && (
        <div className="suggestion__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="suggestion-accept"
            onClick={onAccept}
          >
            {t('suggestions.accept')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="suggestion-dismiss"
            onClick={onDismiss}
          >
            {t('suggestions.dismiss')}
          </button>
        </div>
      )}
    </li>
  )
}
