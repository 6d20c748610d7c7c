/** The roles a member can hold in one project. Administrators are a flag on the user, not a role. */
export const PROJECT_ROLES = ['manager', 'translator', 'reviewer', 'viewer'] as const

/** A member's role in one project. */
export type ProjectRole = (typeof PROJECT_ROLES)[number]

/** The role someone acts in: a project role, or `admin` for an administrator in any project. */
export type ActingRole = ProjectRole | 'admin'

/** Every role someone may act in, project roles first. */
export const ACTING_ROLES: readonly ActingRole[] = [...PROJECT_ROLES, 'admin']

/** Whether `value` names a project role; never true for `admin`. */
export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === 'string' && (PROJECT_ROLES as readonly string[]).includes(value)
}
