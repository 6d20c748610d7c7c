import { Router } from 'express'
import {
  authenticate,
  clearedSessionCookie,
  hashPassword,
  loginRequest,
  passwordChangeRequest,
  verifyPassword,
  sessionCookie,
  type AuthStore,
  type LoginRateLimiter,
} from '../auth/index.ts'
import { AuthError, PasswordError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import type { LiveAccess } from './liveAccess.ts'
import { parseInput } from './parseInput.ts'
import { isSecureRequest, publicUser, requireUser } from './session.ts'

export interface SessionRouterOptions {
  auth: AuthStore
  access: LiveAccess
  limiter: LoginRateLimiter
  sessionTtlMs: number
}

/** `/api/session`: log in (sets the cookie), who am I, log out (ends the session server-side). */
export function sessionRouter({
  auth,
  access,
  limiter,
  sessionTtlMs,
}: SessionRouterOptions): Router {
  const router = Router()

  router.post('/', jsonBody(), async (request, response) => {
    const { username, password } = parseInput(loginRequest, request.body)
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown'
    const verdict = limiter.check(username, address)
    if (!verdict.allowed) {
      response.set('Retry-After', String(verdict.retryAfterSeconds))
      throw new AuthError('auth.rate_limited', 'Too many failed logins. Try again later.')
    }
    const user = await authenticate(auth, username, password)
    if (!user) {
      limiter.recordFailure(username, address)
      throw new AuthError('auth.invalid_credentials', 'Wrong user name or password.')
    }
    limiter.recordSuccess(username)
    if (!user.isActive) {
      throw new AuthError('auth.deactivated', 'This account is deactivated; ask an administrator.')
    }
    const session = await auth.createSession(user.id, sessionTtlMs)
    const secure = isSecureRequest(request)
    response
      .append('Set-Cookie', sessionCookie(session.token, session.expiresAt, { secure }))
      .json({ user: publicUser(user) })
  })

  router.get('/', (request, response) => {
    response.json({ user: publicUser(requireUser(request)) })
  })

  // The one call a user with a one-time password may make (besides logging out).
  router.post('/password', jsonBody(), async (request, response) => {
    const user = requireUser(request)
    const { currentPassword, newPassword } = parseInput(passwordChangeRequest, request.body)
    const record = await auth.findUserByName(user.username)
    if (!record || !(await verifyPassword(currentPassword, record.passwordHash))) {
      throw new PasswordError('password.wrong_current', 'The current password is wrong.')
    }
    if (currentPassword === newPassword) {
      throw new PasswordError('password.unchanged', 'Choose a password different from the old one.')
    }
    await auth.setPasswordHash(user.id, await hashPassword(newPassword), false)
    response.json({ user: publicUser({ ...user, mustChangePassword: false }) })
  })

  router.delete('/', async (request, response) => {
    if (request.sessionToken) {
      await auth.deleteSession(request.sessionToken)
      access.endSession(request.sessionToken)
    }
    const secure = isSecureRequest(request)
    response.append('Set-Cookie', clearedSessionCookie({ secure })).status(204).end()
  })

  return router
}
