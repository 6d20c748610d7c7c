import { Router } from 'express'
import type { ProjectRole } from '@qalam/shared/workflow'
import type { AuditLog } from '../audit/index.ts'
import {
  memberRequest,
  memberRoleRequest,
  projectRequest,
  type AuthStore,
  type Member,
  type User,
} from '../auth/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { withUsernames } from './auditEntries.ts'
import { AuthError, NotFoundError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import type { LiveAccess } from './liveAccess.ts'
import { parseInput } from './parseInput.ts'
import { auditQuery, memberParams, projectParams } from './projectSchemas.ts'
import { requireAdmin, requireUser } from './session.ts'

export interface ProjectsRouterOptions {
  auth: AuthStore
  audit: AuditLog
  access: LiveAccess
}

/** `/api/projects`: projects, their members and roles, and the project's audit log. */
export function projectsRouter({ auth, audit, access }: ProjectsRouterOptions): Router {
  const router = Router()

  const findMember = async (projectId: string, userId: string): Promise<Member> => {
    const member = (await auth.listMembers(projectId)).find((m) => m.userId === userId)
    if (!member) throw new NotFoundError('user.not_found', `No member ${userId} in this project.`)
    return member
  }

  const recordMembership = (
    actor: User,
    projectId: string,
    action: 'member.add' | 'member.role' | 'member.remove',
    member: { username: string; role: ProjectRole },
  ) =>
    audit.append({
      userId: actor.id,
      projectId,
      action,
      detail: { username: member.username, role: member.role },
    })

  router.get('/', async (request, response) => {
    const user = requireUser(request)
    // An administrator acts as `admin` in every project, member or not.
    const projects = user.isAdmin
      ? (await auth.listProjects()).map((project) => ({ ...project, role: 'admin' as const }))
      : await auth.listProjectsForUser(user.id)
    const withCounts = await Promise.all(
      projects.map(async (project) => ({
        id: project.id,
        name: project.name,
        role: project.role,
        createdAt: project.createdAt,
        documents: (await auth.listProjectDocuments(project.id)).length,
      })),
    )
    response.json({ projects: withCounts })
  })

  router.post('/', jsonBody(), async (request, response) => {
    requireAdmin(request)
    const { name } = parseInput(projectRequest, request.body)
    const project = await auth.createProject(name)
    response.status(201).json({ id: project.id, name: project.name })
  })

  router.get('/:id', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    const role = await requireProjectRole(auth, user, id)
    const project = await auth.getProject(id)
    if (!project) throw new NotFoundError('project.not_found', `No project ${id}.`)
    response.json({ id: project.id, name: project.name, role })
  })

  router.get('/:id/members', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'view')
    response.json({ members: await auth.listMembers(id) })
  })

  router.post('/:id/members', jsonBody(), async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'manageMembers')
    const input = parseInput(memberRequest, request.body)
    const added = await auth.findUserByName(input.username)
    if (!added) throw new NotFoundError('user.not_found', `No user ${input.username}.`)
    if (await auth.roleOf(id, added.id)) {
      throw new AuthError('member.exists', `${added.username} is already a member.`)
    }
    await auth.setMember(id, added.id, input.role)
    const member = { userId: added.id, username: added.username, role: input.role }
    await recordMembership(user, id, 'member.add', member)
    response.status(201).json(member)
  })

  router.patch('/:id/members/:userId', jsonBody(), async (request, response) => {
    const user = requireUser(request)
    const { id, userId } = parseInput(memberParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'manageMembers')
    const { role } = parseInput(memberRoleRequest, request.body)
    const member = await findMember(id, userId)
    await auth.setMember(id, userId, role)
    const changed = { ...member, role }
    if (member.role !== role) {
      await recordMembership(user, id, 'member.role', changed)
      access.changeAccess(userId, id)
    }
    response.json(changed)
  })

  router.delete('/:id/members/:userId', async (request, response) => {
    const user = requireUser(request)
    const { id, userId } = parseInput(memberParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'manageMembers')
    const member = await findMember(id, userId)
    await auth.removeMember(id, userId)
    await recordMembership(user, id, 'member.remove', member)
    access.changeAccess(userId, id)
    response.status(204).end()
  })

  router.get('/:id/audit', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'view')
    const { before, limit } = parseInput(auditQuery, request.query)
    const page = await audit.listForProject(
      id,
      before === undefined ? { limit } : { limit, before },
    )
    response.json({ entries: await withUsernames(auth, page.entries), next: page.next ?? null })
  })

  return router
}
