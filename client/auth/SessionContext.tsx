import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { identityFor, type LocalUser } from '../presence/identity.ts'
import { fetchSession, logOut as endSession, type SessionUser } from './sessionApi.ts'
import { onUnauthorized } from './unauthorized.ts'

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loggedIn'; user: SessionUser; identity: LocalUser }

interface SessionContextValue {
  state: SessionState
  /** After a successful login. */
  setUser(user: SessionUser): void
  logOut(): Promise<void>
}

const SessionContext = createContext<SessionContextValue | null>(null)

function loggedIn(user: SessionUser): SessionState {
  return { kind: 'loggedIn', user, identity: identityFor(user) }
}

/** Asks the server who is logged in once, then follows logins, logouts and expired sessions. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    fetchSession(controller.signal).then(
      (user) => setState(user === null ? { kind: 'anonymous' } : loggedIn(user)),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [])
  useEffect(() => onUnauthorized(() => setState({ kind: 'anonymous' })), [])
  const setUser = useCallback((user: SessionUser) => setState(loggedIn(user)), [])
  const logOut = useCallback(async () => {
    await endSession()
    setState({ kind: 'anonymous' })
  }, [])
  const value = useMemo(() => ({ state, setUser, logOut }), [state, setUser, logOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) throw new Error('useSession outside <SessionProvider>')
  return value
}

/** The logged-in account; only for pages behind `<RequireSession>`. */
export function useSessionUser(): SessionUser {
  const { state } = useSession()
  if (state.kind !== 'loggedIn') throw new Error('useSessionUser outside <RequireSession>')
  return state.user
}

/** How presence shows the logged-in user; only for pages behind `<RequireSession>`. */
export function useLocalUser(): LocalUser {
  const { state } = useSession()
  if (state.kind !== 'loggedIn') throw new Error('useLocalUser outside <RequireSession>')
  return state.identity
}
