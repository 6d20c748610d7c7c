import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import type { DiffSpan, SegmentMatch } from './matchesApi.ts'
import type { MatchesState } from './useSegmentMatches.ts'

interface MatchPanelProps {
  state: MatchesState
  /** Whether a segment is active: without one there is nothing to look up. */
  hasSegment: boolean
  /** The active segment's source, which the matches' `diff.text` spans point into. */
  source: string
  sourceLang: string
  targetLang: string
  /** Whether the active segment may be changed (a role that edits, a segment not approved). */
  mayInsert: boolean
  onGoToSegment: (index: number) => void
  /** Replaces the active segment's target with the match (see `insertMatch`). */
  onInsert: (match: SegmentMatch) => void
}

/** `text` with the spans marked: `<ins>` for words only this text has, `<mark>` for changed ones. */
function highlighted(text: string, spans: readonly DiffSpan[]): ReactNode[] {
  const parts: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start))
    const piece = text.slice(span.start, span.end)
    parts.push(
      span.op === 'replace' ? (
        <mark key={span.start} className="match-diff match-diff--changed">
          {piece}
        </mark>
      ) : span.op === 'insert' ? (
        <ins key={span.start} className="match-diff match-diff--added">
          {piece}
        </ins>
      ) : (
        <del key={span.start} className="match-diff match-diff--removed">
          {piece}
        </del>
      ),
    )
    at = span.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

/**
 * Beside the grid, with the glossary terms: the translation-memory matches of the active
 * segment, best first, with a percentage badge (101 % in context and 100 % marked), the stored
 * source with the words that differ from this segment's source highlighted, the stored target,
 * and where it came from. Ctrl+1…Ctrl+9 or a click replaces the target with a match.
 */
export function MatchPanel({
  state,
  hasSegment,
  source,
  sourceLang,
  targetLang,
  mayInsert,
  onInsert,
  onGoToSegment,
}: MatchPanelProps) {
  const { t } = useTranslation()
  const format = useFormatter()
  const matches = state.result?.matches ?? []
  const latest = useRef({ matches, mayInsert, onInsert })
  useEffect(() => {
    latest.current = { matches, mayInsert, onInsert }
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
      // The physical key, as for the glossary's Alt+digit: the layout does not matter.
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1]
      if (digit === undefined) return
      const match = latest.current.matches[Number(digit) - 1]
      event.preventDefault()
      if (!match || !latest.current.mayInsert) return
      event.stopPropagation()
      latest.current.onInsert(match)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])

  const repetitions = state.result?.repetitions ?? []
  return (
    <aside
      className="match-panel"
      aria-labelledby="matches-title"
      data-testid="match-panel"
      // Which segment the panel shows, for the browser bench timing segment entry to panel.
      data-segment={state.result?.segmentId ?? ''}
    >
      <h2 id="matches-title">{t('matches.title')}</h2>
      {!hasSegment ? (
        <p className="empty-state">{t('matches.noSegment')}</p>
      ) : state.failed ? (
        <p className="empty-state">{t('matches.failed')}</p>
      ) : state.result === null ? (
        <p className="empty-state">{t('matches.loading')}</p>
      ) : matches.length === 0 ? (
        <p className="empty-state">{t('matches.none')}</p>
      ) : (
        <ol className="match-panel__list">
          {matches.map((match: SegmentMatch, index) => (
            <li key={`${match.origin.memoryId}-${match.unitId}`} data-testid="match-item">
              <div className="match-panel__head">
                <span className="terms-panel__key" aria-hidden>
                  {index < 9 ? `Ctrl+${index + 1}` : ''}
                </span>
                <span
                  className={`match-badge match-badge--${match.kind}`}
                  title={t(`matches.kind.${match.kind}`)}
                  data-testid="match-percent"
                  dir="ltr"
                >
                  {`${match.percent}%`}
                </span>
                {match.numbersReplaced && (
                  <span className="match-panel__note">{t('matches.numbersReplaced')}</span>
                )}
              </div>
              <p lang={sourceLang} className="match-panel__source" data-testid="match-source">
                {highlighted(match.source, match.diff.stored)}
              </p>
              {match.kind === 'fuzzy' && (
                <p lang={sourceLang} className="match-panel__current">
                  {highlighted(source, match.diff.text)}
                </p>
              )}
              <button
                type="button"
                lang={targetLang}
                className="match-panel__target"
                title={t('matches.insert')}
                disabled={!mayInsert}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(match)}
                data-testid="match-target"
              >
                {match.target}
              </button>
              <p className="match-panel__origin">
                {t('matches.origin', {
                  memory: match.origin.memoryName,
                  author: match.origin.changedBy,
                  date: format.date(match.origin.changedAt, { dateStyle: 'medium' }),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      {repetitions.length > 0 && (
        <p className="match-panel__repetitions" data-testid="match-repetitions">
          {t('matches.repetitions')}{' '}
          {repetitions.slice(0, 9).map((repetition) => (
            <button
              key={repetition.segmentId}
              type="button"
              className="button--link"
              onClick={() => onGoToSegment(repetition.index)}
            >
              {format.number(repetition.index + 1)}
            </button>
          ))}
        </p>
      )}
    </aside>
  )
}
