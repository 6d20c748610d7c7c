/*
 * What each role may do in the interface. The server decides (server/auth/permissions.ts,
 * and every update is judged again on the sync socket); these predicates only keep the
 * interface from offering what the server would refuse.
 */

export const PROJECT_ROLES = ['manager', 'translator', 'reviewer', 'viewer'] as const

/** A member's role in a project. */
export type ProjectRole = (typeof PROJECT_ROLES)[number]

/** The role someone acts in: a project role, or `admin` for an administrator anywhere. */
export type ActingRole = ProjectRole | 'admin'

export const ACTING_ROLES: readonly ActingRole[] = [...PROJECT_ROLES, 'admin']

/** Writes translations: translators, reviewers, administrators. Managers and viewers only read. */
export function mayEditTargets(role: ActingRole): boolean {
  return role === 'translator' || role === 'reviewer' || role === 'admin'
}

/** Approves, rejects and reopens segments. */
export function mayReview(role: ActingRole): boolean {
  return role === 'reviewer' || role === 'admin'
}

/** Imports and exports documents and manages the project's members. */
export function mayManageProject(role: ActingRole): boolean {
  return role === 'manager' || role === 'admin'
}
