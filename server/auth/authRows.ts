import { isProjectRole, type ProjectRole } from '@qalam/shared/workflow'
import type { Project, User } from './AuthStore.ts'

/** Rows of `users` and `projects` as both adapters read them. */
export interface UserRow {
  id: string
  username: string
  password_hash: string
  is_admin: number
  created_at: number
  deactivated_at: number | null
  must_change_password: number
}

export interface ProjectRow {
  id: string
  name: string
  created_at: number
}

export const USER_COLUMNS =
  'id, username, password_hash, is_admin, created_at, deactivated_at, must_change_password'

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
    isActive: row.deactivated_at === null,
    mustChangePassword: row.must_change_password === 1,
  }
}

export function toProject(row: ProjectRow): Project {
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

export function toRole(value: unknown): ProjectRole {
  // The CHECK constraint keeps other values out; this narrows the type and guards a hand-edited database.
  if (!isProjectRole(value)) throw new Error(`unknown role in database: ${String(value)}`)
  return value
}
