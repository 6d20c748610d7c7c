import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical'

const INSERT_EVENT = 'qalam:insert-target-text'

/** Asks the open segment editor to insert `text` at its caret (a term, from the terms list). */
export function insertIntoActiveEditor(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(INSERT_EVENT, { detail: text }))
}

/** Inserts text sent by `insertIntoActiveEditor` at the caret, or at the end without one. */
export function InsertTextPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const onInsert = (event: Event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return
      if (!editor.isEditable()) return
      const text = event.detail
      editor.update(() => {
        let selection = $getSelection()
        if (!$isRangeSelection(selection)) {
          $getRoot().selectEnd()
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
