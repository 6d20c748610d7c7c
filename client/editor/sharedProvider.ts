import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { withPresence } from '../presence/awarenessState.ts'
import { isSameCaretState, withCaretOnLeft } from './caretOnLeft.ts'

/** The parts of the document's WebsocketProvider an editor may touch. */
export interface SharedProvider {
  readonly awareness: Awareness
  on(type: 'sync', listener: (isSynced: boolean) => void): void
  on(type: 'status', listener: (event: { status: string }) => void): void
  off(type: 'sync', listener: (isSynced: boolean) => void): void
  off(type: 'status', listener: (event: { status: string }) => void): void
}

type ProviderEvent = 'sync' | 'status' | 'update' | 'reload'
type Listener = (payload: never) => void

// Fields the Lexical binding writes into the local awareness state for its caret.
const CARET_FIELDS = { anchorPos: null, focusPos: null, focusing: false } as const

/**
 * A `providerFactory` for `CollaborationPlugin` that hands every segment editor a thin view of
 * the document's one provider. The plugin connects and disconnects what it gets on every
 * mount and unmount; here that only attaches and detaches the editor's caret, so moving
 * between segments never closes or reopens the document's socket.
 */
export function createSharedProviderFactory(
  shared: SharedProvider,
  doc: Y.Doc,
  onConnect: () => void = () => {},
): (id: string, docMap: Map<string, Y.Doc>) => Provider {
  return (id, docMap) => {
    docMap.set(id, doc)
    return createEditorProvider(shared, doc, onConnect)
  }
}

function createEditorProvider(shared: SharedProvider, doc: Y.Doc, onConnect: () => void): Provider {
  const { awareness } = shared
  const editorAwareness: ProviderAwareness = {
    getLocalState: () => awareness.getLocalState() as UserState | null,
    getStates: () => awareness.getStates() as Map<number, UserState>,
    on: (type, listener) => awareness.on(type, listener),
    off: (type, listener) => awareness.off(type, listener),
    // Lexical replaces the whole local state; our presence fields must survive that.
    setLocalState: (state) => {
      const current = awareness.getLocalState()
      if (state === null) return awareness.setLocalState(null)
      const next = withPresence(withCaretOnLeft(state, doc), current)
      // The binding compares the caret it last wrote with its own `assoc = 0` one, so it asks
      // again after every update; only a real move goes out to the other clients.
      if (!isSameCaretState(next, current)) awareness.setLocalState(next)
    },
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
  }
  const forward = (type: ProviderEvent, listener: Listener, attach: boolean) => {
    // The document provider emits only `sync` and `status`; `update` and `reload` never fire.
    if (type !== 'sync' && type !== 'status') return
    if (type === 'sync') {
      const onSync = listener as (isSynced: boolean) => void
      if (attach) shared.on('sync', onSync)
      else shared.off('sync', onSync)
    } else {
      const onStatus = listener as (event: { status: string }) => void
      if (attach) shared.on('status', onStatus)
      else shared.off('status', onStatus)
    }
  }
  return {
    awareness: editorAwareness,
    connect: () => onConnect(),
    disconnect: () => {
      const state = awareness.getLocalState()
      if (state !== null) awareness.setLocalState({ ...state, ...CARET_FIELDS })
    },
    on: ((type: ProviderEvent, listener: Listener) =>
      forward(type, listener, true)) as Provider['on'],
    off: ((type: ProviderEvent, listener: Listener) =>
      forward(type, listener, false)) as Provider['off'],
  }
}
