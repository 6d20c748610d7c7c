import { z } from 'zod'
import { jsonInit, requestJson } from '../http/requestJson.ts'

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`

const account = z.object({
  id: z.string(),
  username: z.string(),
  isAdmin: z.boolean(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.union([z.string(), z.number()]),
})

export type Account = z.infer<typeof account>

export async function fetchUsers(signal?: AbortSignal): Promise<Account[]> {
  return (await requestJson('/api/users', z.object({ users: z.array(account) }), { signal })).users
}

export interface NewAccount {
  username: string
  password: string
  isAdmin: boolean
}

export async function createUser(input: NewAccount): Promise<void> {
  await requestJson('/api/users', z.unknown(), jsonInit('POST', input))
}

/** Deactivating ends the user's sessions and open documents at once. */
export async function setUserActive(id: string, isActive: boolean): Promise<void> {
  await requestJson(userPath(id), z.unknown(), jsonInit('PATCH', { isActive }))
}

/** Sets a one-time password the user must change at their next login. */
export async function resetPassword(id: string, password: string): Promise<void> {
  await requestJson(`${userPath(id)}/password`, z.unknown(), jsonInit('POST', { password }))
}
