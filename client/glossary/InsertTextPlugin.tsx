import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical'

const INSERT_EVENT = 'qalam:insert-target-text'

interface InsertRequest {
  text: string
  /** Replace the whole target instead of inserting at the caret. */
  replace: boolean
}

/** Asks the open segment editor to insert `text` at its caret (a term, from the terms list). */
export function insertIntoActiveEditor(text: string): void {
  window.dispatchEvent(
    new CustomEvent<InsertRequest>(INSERT_EVENT, { detail: { text, replace: false } }),
  )
}

/** Asks the open segment editor to replace its whole text with `text` (a memory match). */
export function replaceActiveTarget(text: string): void {
  window.dispatchEvent(
    new CustomEvent<InsertRequest>(INSERT_EVENT, { detail: { text, replace: true } }),
  )
}

function isInsertRequest(value: unknown): value is InsertRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as InsertRequest).text === 'string' &&
    typeof (value as InsertRequest).replace === 'boolean'
  )
}

/**
 * Inserts text sent by `insertIntoActiveEditor` at the caret, or at the end without one; or
 * replaces the whole text for `replaceActiveTarget`. Either is one editor update, so one undo
 * step, and goes through the editor's lock guard like typing.
 */
export function InsertTextPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const onInsert = (event: Event) => {
      if (!(event instanceof CustomEvent) || !isInsertRequest(event.detail)) return
      if (!editor.isEditable()) return
      const { text, replace } = event.detail
      editor.update(() => {
        const root = $getRoot()
        let selection = $getSelection()
        if (replace) {
          root.select(0, root.getChildrenSize())
          selection = $getSelection()
        } else if (!$isRangeSelection(selection)) {
          root.selectEnd()
          selection = $getSelection()
        }
        if ($isRangeSelection(selection)) selection.insertText(text)
      })
      editor.focus()
    }
    window.addEventListener(INSERT_EVENT, onInsert)
    return () => window.removeEventListener(INSERT_EVENT, onInsert)
  }, [editor])
  return null
}
