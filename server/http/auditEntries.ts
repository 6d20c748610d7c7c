import type { AuditEntry } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'

/** An audit entry as the API answers it: with the user's name, which the log does not keep. */
export type AuditEntryView = AuditEntry & { username: string }

/** Adds user names to entries, looking each user up once. */
export async function withUsernames(
  auth: AuthStore,
  entries: readonly AuditEntry[],
): Promise<AuditEntryView[]> {
  const names = new Map<string, string>()
  for (const userId of new Set(entries.map((entry) => entry.userId))) {
    // A user is never deleted today; an empty name keeps the entry readable if one ever is.
    names.set(userId, (await auth.getUser(userId))?.username ?? '')
  }
  return entries.map((entry) => ({ ...entry, username: names.get(entry.userId) ?? '' }))
}
