import type { Binding } from '@lexical/yjs'
import type { LexicalEditor } from 'lexical'
import type * as Y from 'yjs'

// Well-known key under which @lexical/react publishes the collaboration UndoManager of an
// editor; its tracked origins include the editor's binding. (useYjsCollaboration.tsx)
const COLLAB_UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager')

/** The Yjs binding CollaborationPlugin made for `editor`, once it exists. */
export function findBinding(editor: LexicalEditor): Binding | null {
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
