import type { AuthStore, User } from './AuthStore.ts'
import { hashPassword, needsRehash, verifyPassword } from './password.ts'

// Verified against when the name is unknown, so a miss costs as much as a wrong password
// and response times do not tell which usernames exist.
let decoyHash: Promise<string> | undefined

/**
 * The user whose name and password these are, or undefined; a deactivated user is returned
 * too, for the caller to refuse with its own message. Upgrades the stored hash when its
 * parameters are weaker than today's.
 */
export async function authenticate(
  store: AuthStore,
  username: string,
  password: string,
): Promise<User | undefined> {
  const record = await store.findUserByName(username)
  if (!record) {
    decoyHash ??= hashPassword('decoy password, never matches')
    await verifyPassword(password, await decoyHash)
    return undefined
  }
  if (!(await verifyPassword(password, record.passwordHash))) return undefined
  if (needsRehash(record.passwordHash)) {
    await store.setPasswordHash(record.id, await hashPassword(password), record.mustChangePassword)
  }
  return {
    id: record.id,
    username: record.username,
    isAdmin: record.isAdmin,
    createdAt: record.createdAt,
    isActive: record.isActive,
    mustChangePassword: record.mustChangePassword,
  }
}
