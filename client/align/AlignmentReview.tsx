import { useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'
import { languageLabel } from '../documents/languageLabel.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import type { AlignmentProposal } from './alignmentRequests.ts'
import { PairRow } from './PairRow.tsx'
import type { SideView } from './PairSide.tsx'
import { reviewReducer, startReview } from './reviewHistory.ts'
import { pairKey, type ReviewPair } from './alignmentEdits.ts'
import { isLowConfidence, lacksSource, nextPairWhere, summarizeReview } from './reviewSummary.ts'
import { ReviewToolbar } from './ReviewToolbar.tsx'
import { useConfirmAlignment } from './useConfirmAlignment.ts'

/** The proposed pairs side by side, with the edits that correct them and the confirm step. */
export function AlignmentReview({
  projectId,
  proposal,
  onStartOver,
}: {
  projectId: string
  proposal: AlignmentProposal
  onStartOver: () => void
}) {
  const { t, i18n } = useTranslation()
  const [history, dispatch] = useReducer(reviewReducer, proposal, startReview)
  const { review, choosingWord } = history
  const [title, setTitle] = useState(proposal.title)
  const [focused, setFocused] = useState(-1)
  const listRef = useRef<HTMLDivElement>(null)
  const { confirm, isConfirming, error } = useConfirmAlignment(projectId, proposal)
  const summary = useMemo(() => summarizeReview(review), [review])
  const interfaceLanguage = i18n.resolvedLanguage ?? 'en'

  const source = useMemo<SideView>(
    () => ({
      side: 'source',
      sentences: review.source.sentences,
      lang: proposal.sourceLang,
      dir: languageDirection(proposal.sourceLang),
    }),
    [review.source.sentences, proposal.sourceLang],
  )
  const target = useMemo<SideView>(
    () => ({
      side: 'target',
      sentences: review.target.sentences,
      lang: proposal.targetLang,
      dir: languageDirection(proposal.targetLang),
    }),
    [review.target.sentences, proposal.targetLang],
  )

  useEffect(() => {
    if (focused < 0) return
    const row = listRef.current?.querySelector<HTMLElement>(`[data-pair-index="${focused}"]`)
    row?.scrollIntoView({ block: 'center' })
    row?.focus({ preventScroll: true })
  }, [focused])

  const jumpToNext = (matches: (pair: ReviewPair) => boolean) => {
    const next = nextPairWhere(review, focused, matches)
    if (next !== null) setFocused(next)
  }

  return (
    <main className="align-page align-review" data-testid="align-review">
      <header className="align-review__header">
        <div className="align-review__identity">
          <h1>{t('align.reviewTitle')}</h1>
          <div className="align-review__title">
            <label htmlFor="align-review-title">{t('align.documentTitle')}</label>
            <input
              id="align-review-title"
              name="title"
              className="field__input"
              value={title}
              dir="auto"
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <span className="language-pair">
            {t('documents.languagePair', {
              source: languageLabel(t, proposal.sourceLang, interfaceLanguage),
              target: languageLabel(t, proposal.targetLang, interfaceLanguage),
            })}
          </span>
        </div>
        <ReviewToolbar
          summary={summary}
          canUndo={history.past.length > 0}
          isConfirming={isConfirming}
          onUndo={() => dispatch({ kind: 'undo' })}
          onNextLow={() => jumpToNext(isLowConfidence)}
          onStartOver={onStartOver}
          onConfirm={() => void confirm(review, title)}
        />
        {summary.withoutSource > 0 && (
          <div className="align-review__notice" role="status" data-testid="align-orphans">
            <p>{t('align.orphans', { count: summary.withoutSource })}</p>
            <button
              type="button"
              className="button"
              data-action="next-orphan"
              onClick={() => jumpToNext(lacksSource)}
            >
              {t('align.nextOrphan')}
            </button>
            <button
              type="button"
              className="button"
              data-action="merge-orphans"
              onClick={() => dispatch({ kind: 'mergeSourceless' })}
            >
              {t('align.mergeOrphans')}
            </button>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} testId="align-error" />}
      </header>
      <div
        className="align-pairs"
        role="table"
        aria-label={t('align.pairs')}
        aria-rowcount={review.pairs.length + 1}
        ref={listRef}
      >
        <div role="row" className="align-pair align-pair--head" aria-rowindex={1}>
          <div role="columnheader">#</div>
          <div role="columnheader">
            {t('align.sourceColumn', {
              language: languageLabel(t, proposal.sourceLang, interfaceLanguage),
            })}
          </div>
          <div role="columnheader">
            {t('align.targetColumn', {
              language: languageLabel(t, proposal.targetLang, interfaceLanguage),
            })}
          </div>
          <div role="columnheader">
            <span className="visually-hidden">{t('align.actionsColumn')}</span>
          </div>
        </div>
        {review.pairs.map((pair, index) => (
          <PairRow
            key={pairKey(pair)}
            index={index}
            pair={pair}
            isLast={index === review.pairs.length - 1}
            isFocused={index === focused}
            choosingWord={choosingWord?.pair === pairKey(pair) ? choosingWord.side : null}
            source={source}
            target={target}
            dispatch={dispatch}
          />
        ))}
      </div>
    </main>
  )
}
