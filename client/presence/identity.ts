import { z } from 'zod'

/** Who this browser is: chosen once, kept in localStorage so reloads keep the same id and colour. */
export interface LocalUser {
  id: string
  name: string
  color: string
}

const STORAGE_KEY = 'qalam.user'

const storedUser = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
})

// Distinct at a glance on white and on the pale row highlight; none is close to the status colours.
export const USER_COLORS = [
  '#1f77b4',
  '#9467bd',
  '#e377c2',
  '#17becf',
  '#8c564b',
  '#bcbd22',
  '#ff7f0e',
  '#2c6e49',
] as const

export function loadUser(storage: Storage = localStorage): LocalUser | null {
  const raw = storage.getItem(STORAGE_KEY)
  if (raw === null) return null
  try {
    const parsed = storedUser.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    // Unreadable JSON is treated like a first visit: the user picks a name again.
    return null
  }
}

/** Stores the display name, keeping the id and colour of an earlier visit. */
export function saveUserName(name: string, storage: Storage = localStorage): LocalUser {
  const previous = loadUser(storage)
  const id = previous?.id ?? randomId()
  const color =
    previous?.color ?? USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0]
  const user: LocalUser = { id, name: name.trim(), color }
  storage.setItem(STORAGE_KEY, JSON.stringify(user))
  return user
}

// crypto.randomUUID exists only in secure contexts; an intranet deployment over plain http is not one.
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
