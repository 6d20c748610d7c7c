import { Router, type Request } from 'express'
import { z } from 'zod'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { NotFoundError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { requireUser } from './session.ts'

export interface PrefillRouterOptions {
  auth: AuthStore
  audit: AuditLog
}

const prefillRequest = z.object({ prefillExactMatches: z.boolean() }).strict()

/**
 * `/api/projects/:id/prefill`: whether importing a document into the project fills its 100 %
 * and 101 % memory matches in as drafts. Every member may read it; managers set it,
 * audit-logged. Off until a manager turns it on.
 */
export function prefillRouter({ auth, audit }: PrefillRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { user, id, role: await requireProjectRole(auth, user, id) }
  }

  router.get('/', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    response.json({ prefillExactMatches: await auth.prefillExactMatches(id) })
  })

  router.put('/', jsonBody(), async (request, response) => {
    const { user, id, role } = await projectRole(request)
    requirePermission(role, 'manageDocuments')
    const { prefillExactMatches } = parseInput(prefillRequest, request.body)
    if ((await auth.prefillExactMatches(id)) !== prefillExactMatches) {
      if (!(await auth.setPrefillExactMatches(id, prefillExactMatches)))
        throw new NotFoundError('project.not_found', `No project ${id}.`)
      await audit.append({
        userId: user.id,
        projectId: id,
        action: 'project.prefillRule',
        detail: { prefillExactMatches },
      })
    }
    response.json({ prefillExactMatches })
  })

  return router
}
