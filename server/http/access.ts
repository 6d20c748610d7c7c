import { may, type Action, type ActingRole } from '@qalam/shared/workflow'
import { projectAccess, documentAccess, type AuthStore, type User } from '../auth/index.ts'
import { AuthError, NotFoundError } from './errors.ts'

/*
 * Every route that names a project or a document asks here first. A user who is not a member
 * gets the same 404 as for something that does not exist, so ids and titles never leak; a
 * member whose role falls short gets 403.
 */

/** The user's role in the project, or `project.not_found`. */
export async function requireProjectRole(
  store: AuthStore,
  user: User,
  projectId: string,
): Promise<ActingRole> {
  const role = await projectAccess(store, user, projectId)
  if (!role) throw new NotFoundError('project.not_found', `No project ${projectId}.`)
  return role
}

/** The document's project and the user's role in it, or `document.not_found`. */
export async function requireDocumentRole(
  store: AuthStore,
  user: User,
  documentId: string,
): Promise<{ projectId: string; role: ActingRole }> {
  const access = await documentAccess(store, user, documentId)
  if (!access) throw new NotFoundError('document.not_found', `No document ${documentId}.`)
  return access
}

/** Throws `auth.forbidden` unless `role` may perform `action`. */
export function requirePermission(role: ActingRole, action: Action): void {
  if (!may(role, action)) {
    const name = typeof action === 'string' ? action : 'setStatus'
    throw new AuthError('auth.forbidden', `Your role (${role}) may not ${name}.`)
  }
}
