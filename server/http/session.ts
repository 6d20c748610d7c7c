import type { Request, RequestHandler } from 'express'
import { readSessionToken, type AuthStore, type User } from '../auth/index.ts'
import { AuthError } from './errors.ts'

declare module 'express-serve-static-core' {
  interface Request {
    /** The logged-in user; set by `sessionMiddleware`, absent for an anonymous request. */
    user?: User
    /** The raw token from the cookie, kept only so that logout can end this session. */
    sessionToken?: string
  }
}

/** Whether to mark the cookie Secure: the request reached us over HTTPS. */
export function isSecureRequest(request: Request): boolean {
  return request.secure
}

/** Puts the cookie's user on `request.user`; an unknown or expired token reads as anonymous. */
export function sessionMiddleware(store: AuthStore): RequestHandler {
  return async (request, _response, next) => {
    const token = readSessionToken(request.headers.cookie)
    if (token) {
      const session = await store.findSession(token)
      if (session) {
        request.user = session.user
        request.sessionToken = token
      }
    }
    next()
  }
}

/** Whether the request carries a body (declared length or chunked), read or not. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length']
  return (
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
  )
}

/**
 * Refuses a body from a request without a session, before any parser reads it: the largest
 * limits (an alignment's pairs) are for signed-in users only, and parsing 40 MB of JSON for an
 * anonymous sender would hand anyone the event loop. `isPublic` names what anonymous requests
 * may send (the login form). The connection is closed so the unread body is not drained.
 */
export function refuseAnonymousBodies(isPublic: (request: Request) => boolean): RequestHandler {
  return (request, response, next) => {
    if (request.user || !hasBody(request) || isPublic(request)) return next()
    response.set('Connection', 'close')
    throw new AuthError('auth.required', 'Log in first.')
  }
}

/** A user as the API shows them: never the password hash. */
export function publicUser(user: User): {
  id: string
  username: string
  isAdmin: boolean
  isActive: boolean
  mustChangePassword: boolean
} {
  return {
    id: user.id,
    username: user.username,
    isAdmin: user.isAdmin,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
  }
}

/**
 * Mounted after `/api/session`: a user logged in with a one-time password may only change it
 * (or log out) there; every other call answers 403 until they have.
 */
export function passwordChangeGate(): RequestHandler {
  return (request, _response, next) => {
    if (request.user?.mustChangePassword) {
      throw new AuthError('auth.password_change_required', 'Choose a new password first.')
    }
    next()
  }
}

/** The logged-in user, or `auth.required` (401). */
export function requireUser(request: Request): User {
  if (!request.user) throw new AuthError('auth.required', 'Log in first.')
  return request.user
}

/** The logged-in administrator, or 401 / 403. */
export function requireAdmin(request: Request): User {
  const user = requireUser(request)
  if (!user.isAdmin) throw new AuthError('auth.forbidden', 'Only administrators may do this.')
  return user
}
