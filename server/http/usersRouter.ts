import { Router } from 'express'
import {
  UsernameTakenError,
  hashPassword,
  type ScryptCost,
  passwordResetRequest,
  userRequest,
  userStateRequest,
  type AuthStore,
  type User,
} from '../auth/index.ts'
import { AuthError, NotFoundError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import type { LiveAccess } from './liveAccess.ts'
import { parseInput } from './parseInput.ts'
import { userParams } from './projectSchemas.ts'
import { publicUser, requireAdmin } from './session.ts'

export interface UsersRouterOptions {
  auth: AuthStore
  access: LiveAccess
  /** The scrypt cost of the hashes of new and reset passwords. */
  passwordCost: ScryptCost
}

/**
 * `/api/users`: administrators list and create accounts, deactivate and reactivate them, and
 * reset a password to a one-time one. Deactivation and a reset end the user's sessions at once,
 * open sockets included.
 */
export function usersRouter({ auth, access, passwordCost }: UsersRouterOptions): Router {
  const router = Router()

  const requireUserById = async (id: string): Promise<User> => {
    const user = await auth.getUser(id)
    if (!user) throw new NotFoundError('user.not_found', `No user ${id}.`)
    return user
  }

  const endEverySession = async (userId: string) => {
    await auth.deleteUserSessions(userId)
    access.endUser(userId)
  }

  router.get('/', async (request, response) => {
    requireAdmin(request)
    const users = await auth.listUsers()
    response.json({
      users: users.map((user) => ({ ...publicUser(user), createdAt: user.createdAt })),
    })
  })

  router.post('/', jsonBody(), async (request, response) => {
    requireAdmin(request)
    const input = parseInput(userRequest, request.body)
    try {
      const user = await auth.createUser({
        username: input.username,
        passwordHash: await hashPassword(input.password, passwordCost),
        isAdmin: input.isAdmin,
      })
      response.status(201).json({ user: publicUser(user) })
    } catch (error) {
      if (error instanceof UsernameTakenError) {
        throw new AuthError('auth.username_taken', `The user name ${input.username} is taken.`)
      }
      throw error
    }
  })

  router.patch('/:id', jsonBody(), async (request, response) => {
    const admin = requireAdmin(request)
    const { id } = parseInput(userParams, request.params)
    const { isActive } = parseInput(userStateRequest, request.body)
    const user = await requireUserById(id)
    // Also keeps the last active administrator: any other one acting makes two.
    if (user.id === admin.id && !isActive) {
      throw new AuthError('user.self', 'You cannot deactivate your own account.')
    }
    if (user.isActive !== isActive) {
      await auth.setActive(id, isActive)
      if (!isActive) await endEverySession(id)
    }
    response.json({ user: publicUser({ ...user, isActive }) })
  })

  router.post('/:id/password', jsonBody(), async (request, response) => {
    requireAdmin(request)
    const { id } = parseInput(userParams, request.params)
    const { password } = parseInput(passwordResetRequest, request.body)
    const user = await requireUserById(id)
    await auth.setPasswordHash(id, await hashPassword(password, passwordCost), true)
    await endEverySession(id)
    response.json({ user: publicUser({ ...user, mustChangePassword: true }) })
  })

  return router
}
