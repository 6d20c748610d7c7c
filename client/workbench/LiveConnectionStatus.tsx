import { ConnectionStatus } from '../presence/ConnectionStatus.tsx'
import type { DocumentSession } from './DocumentSession.ts'
import { useConnectionState, useUnsentChanges } from './useDocumentSession.ts'

/** The session's connection state; subscribes on its own so a keystroke re-renders only this. */
export function LiveConnectionStatus({ session }: { session: DocumentSession }) {
  const state = useConnectionState(session)
  const { count, isCatchingUp } = useUnsentChanges(session)
  return <ConnectionStatus state={state} unsent={count} isCatchingUp={isCatchingUp} />
}
