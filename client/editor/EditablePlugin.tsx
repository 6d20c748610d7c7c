import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'

/** Follows the segment's status: an approved segment becomes read-only while it is open. */
export function EditablePlugin({ isEditable }: { isEditable: boolean }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    editor.setEditable(isEditable)
  }, [editor, isEditable])
  return null
}
