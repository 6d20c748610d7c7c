import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COLLABORATION_TAG, HISTORIC_TAG } from 'lexical'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { $caretInSharedText } from './caretInSharedText.ts'
import { caretAt, isSameCaretState } from './caretOnLeft.ts'
import { findBinding } from './findBinding.ts'

/**
 * Writes the local caret to awareness after each of this user's edits, held the way
 * `withCaretOnLeft` says. The shared provider already converts every caret the binding writes,
 * but the binding writes only when its own position changed, and not at all when the selection
 * before the edit was null (the first letter typed into a freshly opened editor): the stored
 * caret then still says "start of the paragraph", and the next remote change would put the caret
 * back in front of the letter just typed.
 */
export function CaretOnLeftPlugin({ awareness, doc }: { awareness: Awareness; doc: Y.Doc }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags, editorState }) => {
        if (tags.has(COLLABORATION_TAG) || tags.has(HISTORIC_TAG)) return
        // After every update listener of this update, the binding's included, which writes the
        // new letter to Yjs. No remote message can land in between: they arrive as tasks.
        queueMicrotask(() => {
          const binding = findBinding(editor)
          const current = awareness.getLocalState()
          if (binding === null || current === null) return
          const caret = editorState.read(() => $caretInSharedText(binding))
          if (caret === null) return
          const position = caretAt(caret.type, caret.index, doc)
          const next = { ...current, anchorPos: position, focusPos: position }
          if (!isSameCaretState(next, current)) awareness.setLocalState(next)
        })
      }),
    [editor, awareness, doc],
  )
  return null
}
