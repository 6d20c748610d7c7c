import { createContext, useContext, useState, type ReactNode } from 'react'
import { NamePrompt } from './NamePrompt.tsx'
import { loadUser, saveUserName, type LocalUser } from './identity.ts'

interface UserContextValue {
  user: LocalUser
  rename: () => void
}

const UserContext = createContext<UserContextValue | null>(null)

/** Asks for a display name on the first visit; afterwards provides the remembered user. */
export function UserProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<LocalUser | null>(() => loadUser())
  const [isRenaming, setRenaming] = useState(false)
  if (user === null || isRenaming) {
    return (
      <NamePrompt
        initialName={user?.name ?? ''}
        onSubmit={(name) => {
          setUser(saveUserName(name))
          setRenaming(false)
        }}
      />
    )
  }
  return (
    <UserContext.Provider value={{ user, rename: () => setRenaming(true) }}>
      {children}
    </UserContext.Provider>
  )
}

function useUserContext(): UserContextValue {
  const value = useContext(UserContext)
  if (value === null) throw new Error('useLocalUser outside <UserProvider>')
  return value
}

export function useLocalUser(): LocalUser {
  return useUserContext().user
}

export function useRenameUser(): () => void {
  return useUserContext().rename
}
