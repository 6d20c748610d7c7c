import { z } from 'zod'
import { ApiError, jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  isAdmin: z.boolean(),
  /** After an administrator's reset: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
})

/** The logged-in account as `/api/session` describes it. */
export type SessionUser = z.infer<typeof sessionUser>

const sessionBody = z.object({ user: sessionUser })

/** Who the session cookie logs in, or null for an anonymous browser. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return (await requestJson('/api/session', sessionBody, { signal })).user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** Logs in; the server sets the httpOnly session cookie on the answer. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  return (await requestJson('/api/session', sessionBody, jsonInit('POST', { username, password })))
    .user
}

/** Ends the session on the server; the server also clears the cookie. */
export function logOut(): Promise<void> {
  return requestNoContent('/api/session', { method: 'DELETE' })
}

/** Replaces a one-time (or any) password; answers with the account, now free to work. */
export async function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<SessionUser> {
  return (
    await requestJson(
      '/api/session/password',
      sessionBody,
      jsonInit('POST', { currentPassword, newPassword }),
    )
  ).user
}
