/** A member's role in one project. Administrators are a flag on the user, not a role. */
export const ROLES = ['manager', 'translator', 'reviewer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Who is acting: a project role, or an administrator (who may do anything in any project). */
export type ActorRole = Role | 'admin'

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
