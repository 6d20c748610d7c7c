import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Collaborator } from './awarenessState.ts'
import { PresenceStore } from './PresenceStore.ts'

export function usePresenceStore(awareness: Awareness): PresenceStore | null {
  const [store, setStore] = useState<PresenceStore | null>(null)
  useEffect(() => {
    const opened = new PresenceStore(awareness)
    setStore(opened)
    return () => {
      opened.destroy()
      setStore(null)
    }
  }, [awareness])
  return store
}

/** Other users whose caret is in this segment; re-renders only when that list changes. */
export function useCollaboratorsIn(
  store: PresenceStore,
  segmentId: string,
): readonly Collaborator[] {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeSegment(segmentId, listener),
    [store, segmentId],
  )
  return useSyncExternalStore(subscribe, () => store.collaboratorsIn(segmentId))
}

export function useCollaborators(store: PresenceStore): readonly Collaborator[] {
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.collaborators(),
  )
}
