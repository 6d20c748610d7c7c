import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $selectTextOffset } from './selectTextOffset.ts'

/**
 * Where the caret goes once the segment's text is in the editor: at the character the user
 * clicked (`offset`), or at the end when they clicked below the text or came by keyboard. Runs
 * after `LoadTargetPlugin` (it subscribes to the same signal later, and Lexical applies updates
 * in order): before the load, the editor is empty and every caret would land at offset 0.
 */
export function InitialCaretPlugin({
  offset,
  whenBound,
}: {
  offset: number | null
  whenBound: (listener: () => void) => () => void
}): null {
  const [editor] = useLexicalComposerContext()
  // Read once: the caret is placed when the editor opens, never again while the user types.
  const [initialOffset] = useState(offset)
  useEffect(() => {
    let isPlaced = false
    return whenBound(() => {
      if (isPlaced || !editor.isEditable()) return
      isPlaced = true
      editor.update(() => $selectTextOffset(initialOffset))
      editor.focus()
    })
  }, [editor, initialOffset, whenBound])
  return null
}
