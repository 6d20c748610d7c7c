import type { AuthStore, User } from './AuthStore.ts'
import {
  DEFAULT_COST,
  hashPassword,
  needsRehash,
  verifyPassword,
  type ScryptCost,
} from './password.ts'

// Verified against when the name is unknown, so a miss costs as much as a wrong password
// and response times do not tell which usernames exist; one per cost in use.
const decoyHashes = new Map<string, Promise<string>>()

function decoyHash(cost: ScryptCost): Promise<string> {
  const key = `${cost.N}$${cost.r}$${cost.p}`
  let hash = decoyHashes.get(key)
  if (!hash) {
    hash = hashPassword('decoy password, never matches', cost)
    decoyHashes.set(key, hash)
  }
  return hash
}

/**
 * The user whose name and password these are, or undefined; a deactivated user is returned
 * too, for the caller to refuse with its own message. Upgrades the stored hash when its
 * parameters are weaker than `cost`, the installation's.
 */
export async function authenticate(
  store: AuthStore,
  username: string,
  password: string,
  cost: ScryptCost = DEFAULT_COST,
): Promise<User | undefined> {
  const record = await store.findUserByName(username)
  if (!record) {
    await verifyPassword(password, await decoyHash(cost))
    return undefined
  }
  if (!(await verifyPassword(password, record.passwordHash))) return undefined
  if (needsRehash(record.passwordHash, cost)) {
    const rehashed = await hashPassword(password, cost)
    await store.setPasswordHash(record.id, rehashed, record.mustChangePassword)
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
