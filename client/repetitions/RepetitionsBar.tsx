import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  findRepetitions,
  propagateTranslation,
  revertPropagation,
  type Propagation,
} from '@qalam/shared/model'
import { useFormatter } from '../i18n/formatting.ts'
import './repetitions.css'

/** A confirmed segment whose repetitions hold another translation (or none). */
export interface RepetitionOffer {
  segmentId: string
  /** 1-based, as the grid shows it. */
  number: number
  count: number
}

type Stage =
  | { kind: 'offered' }
  | { kind: 'applied'; propagation: Propagation; focusUndo: boolean }
  | { kind: 'undone'; count: number }

/**
 * The offer after a confirmation: apply the segment's translation to its repetitions, or not.
 * It never blocks: the translator goes on in the next segment, and the offer stays until they
 * answer it or confirm another segment. Applying is one change, and "Undo" puts it back.
 */
export function RepetitionsBar({
  doc,
  userId,
  offer,
  onClose,
}: {
  doc: Y.Doc
  userId: string
  offer: RepetitionOffer
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const [stage, setStage] = useState<Stage>({ kind: 'offered' })
  const undoButton = useRef<HTMLButtonElement>(null)
  // Applied with the mouse, the next key most likely wanted is Undo; applied with the shortcut
  // from the editor, the translator goes on typing there.
  const focusUndo = stage.kind === 'applied' && stage.focusUndo
  useEffect(() => {
    if (focusUndo) undoButton.current?.focus()
  }, [focusUndo])

  const origin = { kind: 'user', userId } as const
  const apply = (thenFocusUndo: boolean) => {
    // Asked again now: a repetition approved or rejected since the offer is left alone.
    const ids = findRepetitions(doc, offer.segmentId, { differingOnly: true })
    const propagation = propagateTranslation(doc, offer.segmentId, ids, origin)
    setStage({ kind: 'applied', propagation, focusUndo: thenFocusUndo })
  }
  const latestApply = useRef(apply)
  useEffect(() => {
    latestApply.current = apply
  })
  const isOffered = stage.kind === 'offered'
  useEffect(() => {
    if (!isOffered) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isApplyShortcut(event)) return
      event.preventDefault()
      event.stopPropagation()
      latestApply.current(false)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [isOffered])
  const undo = (propagation: Propagation) => {
    setStage({ kind: 'undone', count: revertPropagation(doc, propagation, origin).length })
  }
  const number = format.number(offer.number)
  return (
    <section
      className="workflow-bar repetitions-bar"
      aria-label={t('repetitions.region')}
      data-testid="repetitions-bar"
      data-stage={stage.kind}
    >
      <p className="workflow-bar__note" role="status">
        {stage.kind === 'offered'
          ? t('repetitions.offer', { number, count: format.number(offer.count) })
          : stage.kind === 'applied'
            ? t('repetitions.applied', {
                number,
                count: format.number(stage.propagation.previous.length),
              })
            : t('repetitions.undone', { count: format.number(stage.count) })}
      </p>
      <div className="workflow-bar__actions">
        {stage.kind === 'offered' && (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => apply(true)}
              aria-keyshortcuts="Control+Shift+Enter"
              title={t('repetitions.shortcut')}
            >
              {t('repetitions.apply', { count: format.number(offer.count) })}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('repetitions.notNow')}
            </button>
          </>
        )}
        {stage.kind === 'applied' && (
          <>
            <button
              ref={undoButton}
              type="button"
              className="button"
              onClick={() => undo(stage.propagation)}
            >
              {t('repetitions.undo')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('repetitions.close')}
            </button>
          </>
        )}
        {stage.kind === 'undone' && (
          <button type="button" className="button" onClick={onClose}>
            {t('repetitions.close')}
          </button>
        )}
      </div>
    </section>
  )
}

/** Ctrl+Shift+Enter (Cmd+Shift+Enter on macOS): apply the offer without leaving the editor. */
function isApplyShortcut(event: KeyboardEvent): boolean {
  return (
    event.key === 'Enter' && event.shiftKey && !event.altKey && (event.ctrlKey || event.metaKey)
  )
}
