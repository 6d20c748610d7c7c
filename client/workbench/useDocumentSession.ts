import { useEffect, useState, useSyncExternalStore } from 'react'
import type { LocalUser } from '../presence/identity.ts'
import { DocumentSession, type ConnectionState } from './DocumentSession.ts'

/** Opens the document's session for as long as the page shows it; one per document id. */
export function useDocumentSession(documentId: string, user: LocalUser): DocumentSession | null {
  const [session, setSession] = useState<DocumentSession | null>(null)
  useEffect(() => {
    const opened = new DocumentSession(documentId, user)
    setSession(opened)
    return () => {
      opened.destroy()
      setSession(null)
    }
  }, [documentId, user])
  return session
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
