import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { Binding } from '@lexical/yjs'
import { COLLABORATION_TAG, type LexicalEditor } from 'lexical'
import type * as Y from 'yjs'

// Well-known key under which @lexical/react publishes the collaboration UndoManager of an
// editor; its tracked origins include the editor's binding. (useYjsCollaboration.tsx)
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager')

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
  // Loaded already (React re-ran the effects) or nothing to load.
  if (binding.root._children.length > 0 || target.length === 0) return
  editor.update(
    () => {
      binding.root.applyChildrenYjsDelta(binding, target.toDelta())
      binding.root.syncChildrenFromYjs(binding)
    },
    { tag: COLLABORATION_TAG },
  )
}

function findBinding(editor: LexicalEditor): Binding | null {
  const manager = (editor as unknown as Record<symbol, Y.UndoManager | undefined>)[
    COLLAB_UNDO_MANAGER
  ]
  for (const origin of manager?.trackedOrigins ?? []) {
    if (isBindingOf(origin, editor)) return origin
  }
  return null
}

function isBindingOf(origin: unknown, editor: LexicalEditor): origin is Binding {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    'collabNodeMap' in origin &&
    'editor' in origin &&
    origin.editor === editor
  )
}
