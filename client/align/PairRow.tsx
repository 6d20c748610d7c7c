import { memo, type Dispatch } from 'react'
import { useTranslation } from 'react-i18next'
import { pairKey, type ReviewPair, type Side } from './alignmentEdits.ts'
import { PairSide, type SideView } from './PairSide.tsx'
import type { ReviewAction } from './reviewHistory.ts'
import { isLowConfidence, lacksSource } from './reviewSummary.ts'

export interface PairRowProps {
  index: number
  pair: ReviewPair
  isLast: boolean
  isFocused: boolean
  /** The side of this pair offering its words as cut points, if any. */
  choosingWord: Side | null
  source: SideView
  target: SideView
  dispatch: Dispatch<ReviewAction>
}

function rowClass(pair: ReviewPair, isFocused: boolean): string {
  const classes = ['align-pair']
  if (isLowConfidence(pair)) classes.push('align-pair--low')
  if (pair.confidence === null) classes.push('align-pair--edited')
  if (lacksSource(pair)) classes.push('align-pair--orphan')
  if (isFocused) classes.push('align-pair--focused')
  return classes.join(' ')
}

/** One proposed pair: its number and confidence, both sides, and the merge action. */
export const PairRow = memo(function PairRow({
  index,
  pair,
  isLast,
  isFocused,
  choosingWord,
  source,
  target,
  dispatch,
}: PairRowProps) {
  const { t } = useTranslation()
  const sides = { index, pair: pairKey(pair), isFirst: index === 0, isLast, dispatch }
  return (
    <div
      role="row"
      className={rowClass(pair, isFocused)}
      aria-label={t('align.pair', { number: index + 1 })}
      aria-rowindex={index + 2}
      data-testid="align-pair"
      data-pair-index={index}
      data-low-confidence={isLowConfidence(pair)}
      tabIndex={-1}
    >
      <div role="cell" className="align-pair__number">
        <span>{index + 1}</span>
        {pair.confidence === null ? (
          <span className="align-pair__confidence" title={t('align.edited')}>
            ✎
          </span>
        ) : (
          <span
            className="align-pair__confidence"
            title={t('align.confidence', { percent: Math.round(pair.confidence * 100) })}
          >
            {Math.round(pair.confidence * 100)}%
          </span>
        )}
      </div>
      <PairSide
        view={source}
        indices={pair.source}
        isChoosingWord={choosingWord === 'source'}
        {...sides}
      />
      <PairSide
        view={target}
        indices={pair.target}
        isChoosingWord={choosingWord === 'target'}
        {...sides}
      />
      <div role="cell" className="align-pair__actions">
        <button
          type="button"
          className="align-tool"
          data-action="merge"
          aria-label={t('align.merge')}
          title={t('align.merge')}
          disabled={isLast}
          onClick={() => dispatch({ kind: 'merge', index })}
        >
          ⤓
        </button>
      </div>
    </div>
  )
})
