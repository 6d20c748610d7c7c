import type { AuthStore, Session } from './AuthStore.ts'

/*
 * The session travels in one cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not
 * sent on cross-site subrequests or posts), Path=/ (the WebSocket upgrade needs it too).
 * Secure when the server is reached over HTTPS. These functions serve both the HTTP routes
 * and the WebSocket upgrade, which only has the raw Cookie header.
 */

export const SESSION_COOKIE = 'qalam_session'

/** How long a login lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/** The Set-Cookie value that hands the browser its session token. */
export function sessionCookie(
  token: string,
  expiresAt: number,
  options: { secure: boolean },
): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000))
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}

/** The Set-Cookie value that makes the browser forget its session (logout). */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}

/** The session token in a Cookie request header, if there is one. */
export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0) continue
    if (pair.slice(0, separator).trim() !== SESSION_COOKIE) continue
    const value = pair.slice(separator + 1).trim()
    // Tokens are base64url; anything else was not issued by us.
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined
  }
  return undefined
}

/** The live session a request's Cookie header carries, for routes and the WebSocket upgrade. */
export async function sessionFromCookie(
  store: AuthStore,
  cookieHeader: string | undefined,
): Promise<Session | undefined> {
  const token = readSessionToken(cookieHeader)
  return token ? store.findSession(token) : undefined
}

/**
 * Whether a WebSocket upgrade's Origin is one the server serves (cross-site WebSocket
 * hijacking: browsers send cookies with cross-site upgrades, so the cookie alone proves
 * nothing). A missing Origin means a non-browser client, which has no ambient cookies to abuse.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true
  let normalized: string
  try {
    normalized = new URL(origin).origin
  } catch {
    return false
  }
  return allowed.some((entry) => {
    try {
      return new URL(entry).origin === normalized
    } catch {
      return false
    }
  })
}
