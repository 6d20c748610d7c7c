import { Router, type Request } from 'express'
import { z } from 'zod'
import type { AuditAction } from '@qalam/shared/workflow'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { NotFoundError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { requireUser } from './session.ts'

/** A project's on/off rule: how it is read and written, and under which name. */
export interface ProjectFlag<Field extends string> {
  /** The JSON field both answers and the PUT body carry. */
  field: Field
  read(auth: AuthStore, projectId: string): Promise<boolean>
  /** False when there is no such project. */
  write(auth: AuthStore, projectId: string, value: boolean): Promise<boolean>
  action: AuditAction
}

export interface ProjectFlagRouterOptions {
  auth: AuthStore
  audit: AuditLog
}

/**
 * `/api/projects/:id/<flag>`: every member may read the flag (the screens that obey it show it);
 * managers set it, and a change is audit-logged with its new value.
 */
export function projectFlagRouter<Field extends string>(
  flag: ProjectFlag<Field>,
  { auth, audit }: ProjectFlagRouterOptions,
): Router {
  const router = Router({ mergeParams: true })
  // A computed key loses its literal type in zod's inference; the schema is exactly this shape.
  const body = z.object({ [flag.field]: z.boolean() }).strict() as unknown as z.ZodType<
    Record<Field, boolean>
  >

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { user, id, role: await requireProjectRole(auth, user, id) }
  }

  router.get('/', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    response.json({ [flag.field]: await flag.read(auth, id) })
  })

  router.put('/', jsonBody(), async (request, response) => {
    const { user, id, role } = await projectRole(request)
    requirePermission(role, 'manageDocuments')
    const value = parseInput(body, request.body)[flag.field]
    if ((await flag.read(auth, id)) !== value) {
      if (!(await flag.write(auth, id, value))) {
        throw new NotFoundError('project.not_found', `No project ${id}.`)
      }
      await audit.append({
        userId: user.id,
        projectId: id,
        action: flag.action,
        detail: { [flag.field]: value },
      })
    }
    response.json({ [flag.field]: value })
  })

  return router
}

/** Whether the project's exports write approved translations only, whatever a request asks. */
export const exportRuleFlag: ProjectFlag<'approvedOnly'> = {
  field: 'approvedOnly',
  read: (auth, id) => auth.exportApprovedOnly(id),
  write: (auth, id, value) => auth.setExportApprovedOnly(id, value),
  action: 'project.exportRule',
}

/** Whether importing a document fills its 100 % and 101 % memory matches in as drafts. */
export const prefillFlag: ProjectFlag<'prefillExactMatches'> = {
  field: 'prefillExactMatches',
  read: (auth, id) => auth.prefillExactMatches(id),
  write: (auth, id, value) => auth.setPrefillExactMatches(id, value),
  action: 'project.prefillRule',
}
