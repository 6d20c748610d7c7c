import { z } from 'zod'
import { jsonInit, requestJson } from '../http/requestJson.ts'

const account = z.object({
  id: z.string(),
  username: z.string(),
  isAdmin: z.boolean(),
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
