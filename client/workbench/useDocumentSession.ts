import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { LocalUser } from '../presence/identity.ts'
import { DocumentSession, type ConnectionState, type Refusal } from './DocumentSession.ts'

export interface OpenSession {
  session: DocumentSession | null
  /** The last update the server refused, until the user dismisses the notice. */
  refusal: Refusal | null
  dismissRefusal(): void
}

/**
 * Opens the document's session for as long as the page shows it; one per document id. When the
 * server refuses an update, the session and its Y.Doc are thrown away and a fresh one syncs
 * from the server: the local copy holds a change that can never merge.
 */
export function useDocumentSession(
  documentId: string,
  user: LocalUser,
  onAccessChanged: () => void,
): OpenSession {
  const [session, setSession] = useState<DocumentSession | null>(null)
  const [generation, setGeneration] = useState(0)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const latestAccessChanged = useRef(onAccessChanged)
  useEffect(() => {
    latestAccessChanged.current = onAccessChanged
  })
  useEffect(() => setRefusal(null), [documentId])
  useEffect(() => {
    const opened = new DocumentSession(documentId, user)
    const stopListening = opened.onRefused((refused) => {
      setRefusal(refused)
      setGeneration((n) => n + 1)
    })
    const stopAccess = opened.onAccessChanged(() => latestAccessChanged.current())
    setSession(opened)
    return () => {
      stopAccess()
      stopListening()
      opened.destroy()
      setSession(null)
    }
  }, [documentId, user, generation])
  const dismissRefusal = useCallback(() => setRefusal(null), [])
  return { session, refusal, dismissRefusal }
}

export function useConnectionState(session: DocumentSession): ConnectionState {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.connectionState,
  )
}

export function useHasSynced(session: DocumentSession): boolean {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.hasSynced,
  )
}

/** Local changes the server has not confirmed, and whether a reconnect is still sending them. */
export function useUnsentChanges(session: DocumentSession): {
  count: number
  isCatchingUp: boolean
} {
  const count = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.unsent.count,
  )
  const isCatchingUp = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.isCatchingUp,
  )
  return { count, isCatchingUp }
}
