import { Router } from 'express'
import { UsernameTakenError, hashPassword, userRequest, type AuthStore } from '../auth/index.ts'
import { AuthError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { publicUser, requireAdmin } from './session.ts'

/** `/api/users`: administrators list and create accounts. */
export function usersRouter({ auth }: { auth: AuthStore }): Router {
  const router = Router()

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
        passwordHash: await hashPassword(input.password),
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

  return router
}
