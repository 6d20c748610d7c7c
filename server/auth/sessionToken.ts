import { createHash, randomBytes } from 'node:crypto'

/** A new session token: 32 random bytes, base64url, for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * What the database keeps instead of the token: a leaked sessions table does not let anyone
 * log in. sha256 suffices (no salt, no stretching) because the token is 256 random bits.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
