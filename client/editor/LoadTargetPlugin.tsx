import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COLLABORATION_TAG, type LexicalEditor } from 'lexical'
import * as Y from 'yjs'
import { findBinding } from './findBinding.ts'

/**
 * Fills the editor with the segment's existing translation. CollaborationPlugin only mirrors
 * changes that arrive after its binding exists, which is right for a document that syncs in
 * after mount, but our segment's XmlText is already in the synced document when the editor
 * mounts. Once the binding is live (`whenBound`), this reads the XmlText into it exactly as a
 * remote change would be read, tagged as collaboration so nothing is written back.
 */
export function LoadTargetPlugin({
  target,
  whenBound,
}: {
  target: Y.XmlText
  whenBound: (load: () => void) => () => void
}): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => whenBound(() => loadTarget(editor, target)), [editor, target, whenBound])
  return null
}

function loadTarget(editor: LexicalEditor, target: Y.XmlText): void {
  const binding = findBinding(editor)
  if (binding === null || binding.root.getSharedType() !== target) return
  if (target.length === 0) return
  editor.update(
    () => {
      // Checked inside the update, not before it: updates queued by a second bound signal
      // (React runs effects twice in development) would each see the binding still empty and
      // load the text once more.
      if (binding.root._children.length > 0) return
      forgetCollabNodes(target)
      binding.root.applyChildrenYjsDelta(binding, target.toDelta())
      binding.root.syncChildrenFromYjs(binding)
    },
    { tag: COLLABORATION_TAG },
  )
}

/**
 * @lexical/yjs caches each shared type's collab node on the type itself (`_collabNode`). The
 * paragraphs of a segment the user edited before still point at the nodes of that earlier,
 * unmounted editor, text included; a new binding would reuse them and append the text again
 * on every sync (the segment reopened with its translation repeated). Forgetting them makes
 * the new binding build its own.
 */
function forgetCollabNodes(type: Y.XmlText): void {
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    const child = op.insert
    if (child instanceof Y.XmlText) {
      delete (child as { _collabNode?: unknown })._collabNode
      forgetCollabNodes(child)
    } else if (child instanceof Y.Map) {
      delete (child as { _collabNode?: unknown })._collabNode
    }
  }
}
