import { useEffect, useRef } from 'react'
import type { SegmentActionContext } from './segmentAction.ts'
import { actionsFor, findAction } from './segmentActions.ts'

/**
 * Runs keyboard actions for the document view. Listens in the capture phase so Ctrl+Enter
 * reaches us before the editor turns it into a line break.
 */
export function useSegmentShortcuts(context: SegmentActionContext): void {
  const latest = useRef(context)
  useEffect(() => {
    latest.current = context
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return
      // Keys typed in a dialog (the rejection reason) belong to the dialog.
      if (event.target instanceof Element && event.target.closest('dialog') !== null) return
      const action = findAction(event, actionsFor(latest.current.role))
      if (action === undefined) return
      // Swallowed even when the action does not apply (Ctrl+Enter on an empty segment), so the
      // editor does not treat the keystroke as typing.
      event.preventDefault()
      event.stopPropagation()
      if (action.predicate(latest.current)) action.perform(latest.current)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])
}
