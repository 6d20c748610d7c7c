import { Router } from 'express'
import { DELETED_RETENTION_MS, type ProjectRole } from '@qalam/shared/workflow'
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
import type { DocumentStore } from '../storage/index.ts'
import { auditQuery, memberParams, projectParams, renameProjectRequest } from './projectSchemas.ts'
import { requireAdmin, requireUser } from './session.ts'

export interface ProjectsRouterOptions {
  auth: AuthStore
  audit: AuditLog
  access: LiveAccess
  store: DocumentStore
}

/**
 * `/api/projects`: projects, their members and roles, and the project's audit log; renaming
 * (managers too), deleting to the bin and restoring (administrators, who create projects).
 */
export function projectsRouter({ auth, audit, access, store }: ProjectsRouterOptions): Router {
  const router = Router()

  const requireProject = async (id: string) => {
    const project = await auth.getProject(id)
    if (!project) throw new NotFoundError('project.not_found', `No project ${id}.`)
    return project
  }

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
    // Documents in the bin are still linked to the project; count the live ones only.
    const live = new Set((await store.listDocuments()).map((document) => document.id))
    const withCounts = await Promise.all(
      projects.map(async (project) => ({
        id: project.id,
        name: project.name,
        role: project.role,
        createdAt: project.createdAt,
        documents: (await auth.listProjectDocuments(project.id)).filter((id) => live.has(id))
          .length,
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

  // Before `/:id`, which would take "deleted" for an id.
  router.get('/deleted', async (request, response) => {
    requireAdmin(request)
    const deleted = await auth.listDeletedProjects()
    response.json({
      projects: deleted.map((project) => ({
        id: project.id,
        name: project.name,
        deletedAt: project.deletedAt,
        purgeAt: project.deletedAt + DELETED_RETENTION_MS,
      })),
    })
  })

  router.patch('/:id', jsonBody(), async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    const role = await requireProjectRole(auth, user, id)
    requirePermission(role, 'manageDocuments')
    const { name } = parseInput(renameProjectRequest, request.body)
    const project = await requireProject(id)
    if (name !== project.name) {
      await auth.renameProject(id, name)
      await audit.append({
        userId: user.id,
        projectId: id,
        action: 'project.rename',
        detail: { from: project.name, to: name },
      })
    }
    response.json({ id, name, role })
  })

  router.delete('/:id', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    // A non-member learns nothing: 404 before the administrator check's 403.
    await requireProjectRole(auth, user, id)
    requireAdmin(request)
    const project = await requireProject(id)
    await auth.deleteProject(id)
    await audit.append({
      userId: user.id,
      projectId: id,
      action: 'project.delete',
      detail: { name: project.name },
    })
    for (const documentId of await auth.listProjectDocuments(id)) {
      access.closeDocument(documentId)
    }
    response.status(204).end()
  })

  router.post('/:id/restore', async (request, response) => {
    const user = requireAdmin(request)
    const { id } = parseInput(projectParams, request.params)
    if (!(await auth.restoreProject(id))) {
      throw new NotFoundError('project.not_found', `No deleted project ${id}.`)
    }
    const project = await requireProject(id)
    await audit.append({
      userId: user.id,
      projectId: id,
      action: 'project.restore',
      detail: { name: project.name },
    })
    response.json({ id, name: project.name, role: 'admin' })
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
