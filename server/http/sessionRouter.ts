import { Router, type Request } from 'express'
import {
  authenticate,
  clearedSessionCookie,
  deviceCookie,
  hashDeviceToken,
  hashPassword,
  type ScryptCost,
  loginRequest,
  passwordChangeRequest,
  readDeviceToken,
  verifyPassword,
  sessionCookie,
  type AuthStore,
  type KnownDevices,
  type LoginThrottle,
} from '../auth/index.ts'
import { AuthError, PasswordError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import type { LiveAccess } from './liveAccess.ts'
import { parseInput } from './parseInput.ts'
import { isSecureRequest, publicUser, requireUser } from './session.ts'

export interface SessionRouterOptions {
  auth: AuthStore
  access: LiveAccess
  throttle: LoginThrottle
  knownDevices: KnownDevices
  sessionTtlMs: number
  /** The scrypt cost of new password hashes (and the floor below which a login rehashes). */
  passwordCost: ScryptCost
}

/**
 * The device token the request carries when it was issued to the account being logged in to;
 * any other (forged, expired, another user's) counts as none.
 */
async function knownDeviceFor(
  request: Request,
  username: string,
  auth: AuthStore,
  knownDevices: KnownDevices,
): Promise<string | undefined> {
  const token = readDeviceToken(request.headers.cookie)
  if (token === undefined) return undefined
  const owner = await knownDevices.ownerOf(token)
  if (owner === undefined) return undefined
  return (await auth.findUserByName(username))?.id === owner ? token : undefined
}

/** `/api/session`: log in (sets the cookie), who am I, log out (ends the session server-side). */
export function sessionRouter({
  auth,
  access,
  throttle,
  knownDevices,
  sessionTtlMs,
  passwordCost,
}: SessionRouterOptions): Router {
  const router = Router()

  router.post('/', jsonBody(), async (request, response) => {
    const { username, password } = parseInput(loginRequest, request.body)
    const device = await knownDeviceFor(request, username, auth, knownDevices)
    const attempt = {
      username,
      address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      device: device === undefined ? null : hashDeviceToken(device),
    }
    const verdict = throttle.check(attempt)
    if (!verdict.allowed) {
      response.set('Retry-After', String(verdict.retryAfterSeconds))
      throw new AuthError('auth.rate_limited', 'Too many failed logins. Try again later.')
    }
    const user = await authenticate(auth, username, password, passwordCost)
    if (!user) {
      throttle.recordFailure(attempt)
      throw new AuthError('auth.invalid_credentials', 'Wrong user name or password.')
    }
    throttle.recordSuccess(attempt)
    if (!user.isActive) {
      throw new AuthError('auth.deactivated', 'This account is deactivated; ask an administrator.')
    }
    const session = await auth.createSession(user.id, sessionTtlMs)
    const deviceToken = await knownDevices.renew(user.id, device)
    const secure = isSecureRequest(request)
    response
      .append('Set-Cookie', sessionCookie(session.token, session.expiresAt, { secure }))
      .append('Set-Cookie', deviceCookie(deviceToken, { secure }))
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
    await auth.setPasswordHash(user.id, await hashPassword(newPassword, passwordCost), false)
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
