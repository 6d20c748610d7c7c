import { z } from 'zod'

/** How other people see this user beside their edits: account id, user name, caret colour. */
export interface LocalUser {
  id: string
  name: string
  color: string
}

const STORAGE_KEY = 'qalam.user'

const storedUser = z.object({
  id: z.string().min(1),
  name: z.string(),
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

/**
 * The presence identity of a logged-in account. The colour is picked once per account in this
 * browser and remembered, so colleagues keep seeing the same colour across reloads.
 */
export function identityFor(
  account: { id: string; username: string },
  storage: Storage = localStorage,
): LocalUser {
  const previous = loadStored(storage)
  const color =
    previous?.id === account.id
      ? previous.color
      : (USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0])
  const user: LocalUser = { id: account.id, name: account.username, color }
  storage.setItem(STORAGE_KEY, JSON.stringify(user))
  return user
}

function loadStored(storage: Storage): LocalUser | null {
  const raw = storage.getItem(STORAGE_KEY)
  if (raw === null) return null
  try {
    const parsed = storedUser.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    // Unreadable JSON: a new colour is picked, as for an account new to this browser.
    return null
  }
}
