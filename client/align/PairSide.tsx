import { Fragment, type Dispatch } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextDirection } from '@qalam/shared/text'
import { isSplitPoint, type Side } from './alignmentEdits.ts'
import type { ReviewAction } from './reviewHistory.ts'

export interface SideView {
  side: Side
  sentences: readonly string[]
  lang: string
  dir: TextDirection
}

interface Word {
  text: string
  offset: number
}

function wordsOf(sentence: string): Word[] {
  return Array.from(sentence.matchAll(/\S+/g), (match) => ({ text: match[0], offset: match.index }))
}

/**
 * One side of a pair: its sentences in the side's language and direction, a cut mark between
 * sentences, and the tools that move sentences to the neighbouring pairs or cut at a word.
 */
export function PairSide({
  view,
  index,
  pair,
  indices,
  isFirst,
  isLast,
  isChoosingWord,
  dispatch,
}: {
  view: SideView
  index: number
  /** The pair's `pairKey`, which names it while the side chooses a word. */
  pair: string
  indices: readonly number[]
  isFirst: boolean
  isLast: boolean
  isChoosingWord: boolean
  dispatch: Dispatch<ReviewAction>
}) {
  const { t } = useTranslation()
  const { side } = view
  const isEmpty = indices.length === 0

  const sentence = (k: number) => {
    const text = view.sentences[k] ?? ''
    if (!isChoosingWord) return text
    return wordsOf(text).map((word) => (
      <Fragment key={word.offset}>
        {isSplitPoint(text, word.offset) && (
          <button
            type="button"
            className="align-side__gap"
            data-action="cut-word"
            aria-label={t('align.splitBefore', { word: word.text })}
            title={t('align.splitBefore', { word: word.text })}
            onClick={() =>
              dispatch({ kind: 'splitInSentence', index, side, sentence: k, offset: word.offset })
            }
          />
        )}
        {word.text}{' '}
      </Fragment>
    ))
  }

  return (
    <div role="cell" className={`align-side align-side--${side}`}>
      <div className="align-side__text" data-testid={side} lang={view.lang} dir={view.dir}>
        {isEmpty && <span className="align-side__empty">{t('align.emptySide')}</span>}
        {indices.map((k, position) => (
          <Fragment key={k}>
            {position > 0 && (
              <button
                type="button"
                className="align-side__cut"
                data-action="cut"
                aria-label={t('align.splitHere')}
                title={t('align.splitHere')}
                onClick={() => dispatch({ kind: 'split', index, side, at: position })}
              >
                ✂
              </button>
            )}
            <span className="align-side__sentence" data-sentence={k}>
              {sentence(k)}
            </span>{' '}
          </Fragment>
        ))}
      </div>
      <div className="align-side__tools">
        <button
          type="button"
          className="align-tool"
          data-action="shift-up"
          aria-label={t('align.shiftUp')}
          title={t('align.shiftUp')}
          disabled={isFirst || isEmpty}
          onClick={() => dispatch({ kind: 'shift', index, side, direction: 'up' })}
        >
          ↑
        </button>
        <button
          type="button"
          className="align-tool"
          data-action="shift-down"
          aria-label={t('align.shiftDown')}
          title={t('align.shiftDown')}
          disabled={isLast || isEmpty}
          onClick={() => dispatch({ kind: 'shift', index, side, direction: 'down' })}
        >
          ↓
        </button>
        <button
          type="button"
          className="align-tool"
          data-action="choose-cut"
          aria-pressed={isChoosingWord}
          aria-label={isChoosingWord ? t('align.splitCancel') : t('align.splitChoose')}
          title={isChoosingWord ? t('align.splitCancel') : t('align.splitChoose')}
          disabled={isEmpty}
          onClick={() =>
            dispatch(isChoosingWord ? { kind: 'cancelWord' } : { kind: 'chooseWord', pair, side })
          }
        >
          ✂
        </button>
      </div>
    </div>
  )
}
