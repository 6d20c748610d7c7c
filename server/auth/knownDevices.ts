import { createHash } from 'node:crypto'

/*
 * A known device is a browser that has logged in as a user before: the login hands it a
 * random token in its own cookie, and the database keeps the token's sha256 with the user's
 * id. The token grants nothing by itself (it is not a session); it only lets its browser try
 * that user's password while someone else has the account or the address throttled
 * (`loginThrottle.ts`). Each successful login replaces the token, so a copied one stops
 * working once the real user logs in again.
 */

export const DEVICE_COOKIE = 'qalam_device'

/** How long a browser stays known without logging in. */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000

/** Devices remembered per user; the least recently used are forgotten first. */
export const MAX_DEVICES_PER_USER = 20

export interface KnownDevices {
  /** The user the token was issued to, when it is one of ours and not expired. */
  ownerOf(token: string, now?: number): Promise<string | undefined>
  /**
   * Issues a new token for the user's browser, forgetting `previous` (the one it carried, if
   * any); the token is returned once, for the cookie, and stored hashed.
   */
  renew(userId: string, previous: string | undefined, now?: number): Promise<string>
}

/** What the database and the throttle keep instead of the token. */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(`device:${token}`).digest('hex')
}

/** The device token in a Cookie header, if it has the shape of one we issue. */
export function readDeviceToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0 || pair.slice(0, separator).trim() !== DEVICE_COOKIE) continue
    const value = pair.slice(separator + 1).trim()
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined
  }
  return undefined
}

/**
 * Sent only to the login route (Path), never with a cross-site request (SameSite=Strict),
 * unreadable by scripts (HttpOnly). Logging out keeps it: the browser stays known.
 */
export function deviceCookie(token: string, options: { secure: boolean }): string {
  return [
    `${DEVICE_COOKIE}=${token}`,
    'Path=/api/session',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(KNOWN_DEVICE_TTL_MS / 1000)}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}
