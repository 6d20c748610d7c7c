import type { AuthStore, User } from './AuthStore.ts'
import type { ActingRole } from '@qalam/shared/workflow'

/**
 * How `user` may act in a project: `admin` for administrators, their member role otherwise,
 * undefined for a non-member, who must not learn the project exists (answer 404, not 403).
 */
export async function projectAccess(
  store: AuthStore,
  user: User,
  projectId: string,
): Promise<ActingRole | undefined> {
  if (!(await store.getProject(projectId))) return undefined
  if (user.isAdmin) return 'admin'
  return store.roleOf(projectId, user.id)
}

/** `projectAccess` for the project a document belongs to; undefined for an unlinked document. */
export async function documentAccess(
  store: AuthStore,
  user: User,
  documentId: string,
): Promise<{ projectId: string; role: ActingRole } | undefined> {
  const projectId = await store.projectOfDocument(documentId)
  if (!projectId) return undefined
  const role = await projectAccess(store, user, projectId)
  return role ? { projectId, role } : undefined
}
