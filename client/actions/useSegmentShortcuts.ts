import { useEffect, useRef } from 'react'
import type { SegmentAction, SegmentActionContext } from './segmentAction.ts'
import { actionsFor, findAction } from './segmentActions.ts'

const FORM_FIELD_ACTIONS: ReadonlySet<SegmentAction['name']> = new Set([
  'openFind',
  'openGoTo',
  'openConcordance',
])

function isFormField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  )
}

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
      // Keys typed in a form field (find, go to, the status filter) move no segment: the
      // field keeps Ctrl+Enter, Ctrl+arrows and the rest; only find and go to apply there.
      if (isFormField(event.target) && !FORM_FIELD_ACTIONS.has(action.name)) return
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
