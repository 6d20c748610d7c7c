import type { ProjectRole } from '@qalam/shared/workflow'

export interface User {
  id: string
  username: string
  isAdmin: boolean
  createdAt: number
  /** A deactivated user cannot log in and has no sessions. */
  isActive: boolean
  /** Set by an administrator's password reset: nothing else works until they choose a new one. */
  mustChangePassword: boolean
}

/** A user with the stored password hash; only login code should see this shape. */
export interface UserRecord extends User {
  passwordHash: string
}

export interface Session {
  user: User
  expiresAt: number
}

export interface Project {
  id: string
  name: string
  createdAt: number
}

/** A project in the bin, restorable until it is purged. */
export interface DeletedProject extends Project {
  deletedAt: number
}

export interface ProjectWithRole extends Project {
  role: ProjectRole
}

export interface Member {
  userId: string
  username: string
  role: ProjectRole
}

/** Thrown by `createUser` when the name is taken (names compare case-insensitively). */
export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError'
  constructor(readonly username: string) {
    super(`user ${username} already exists`)
  }
}

/**
 * Accounts, sessions, projects and who holds which role in them. Methods return promises so
 * that an adapter talking to a database server keeps the same interface as SQLite.
 * Session tokens never reach storage in the clear: implementations keep their sha256.
 */
export interface AuthStore {
  createUser(input: { username: string; passwordHash: string; isAdmin: boolean }): Promise<User>
  findUserByName(username: string): Promise<UserRecord | undefined>
  getUser(id: string): Promise<User | undefined>
  listUsers(): Promise<User[]>
  /** Sets the password; `mustChange` marks it one-time (an administrator's reset). */
  setPasswordHash(userId: string, passwordHash: string, mustChange?: boolean): Promise<void>
  setAdmin(userId: string, isAdmin: boolean): Promise<void>
  /** Active administrators. */
  countAdmins(): Promise<number>
  setActive(userId: string, isActive: boolean, now?: number): Promise<void>
  /** Ends every session of the user; returns how many there were. */
  deleteUserSessions(userId: string): Promise<number>

  /** Starts a session; the returned token is shown once (for the cookie) and stored hashed. */
  createSession(
    userId: string,
    ttlMs: number,
    now?: number,
  ): Promise<{ token: string; expiresAt: number }>
  /** The live session for `token`; an expired one is removed and reads as absent. */
  findSession(token: string, now?: number): Promise<Session | undefined>
  deleteSession(token: string): Promise<void>
  deleteExpiredSessions(now?: number): Promise<number>

  createProject(name: string, now?: number): Promise<Project>
  /** A live project; a deleted one reads as absent, like everything in it. */
  getProject(id: string): Promise<Project | undefined>
  listProjects(): Promise<Project[]>
  listProjectsForUser(userId: string): Promise<ProjectWithRole[]>
  /** False when there is no live project `id`. */
  renameProject(id: string, name: string): Promise<boolean>
  deleteProject(id: string, now?: number): Promise<boolean>
  restoreProject(id: string): Promise<boolean>
  /** Whether the live project's exports write approved translations only (false when absent). */
  exportApprovedOnly(id: string): Promise<boolean>
  /** Sets the project's "approved only" export rule; false when there is no live project `id`. */
  setExportApprovedOnly(id: string, approvedOnly: boolean): Promise<boolean>
  /** Whether imports into the live project pre-fill exact memory matches (false when absent). */
  prefillExactMatches(id: string): Promise<boolean>
  /** Sets the project's pre-fill setting; false when there is no live project `id`. */
  setPrefillExactMatches(id: string, prefill: boolean): Promise<boolean>
  listDeletedProjects(): Promise<DeletedProject[]>
  /** Removes for good the projects deleted before `deletedBefore` with their links; their ids. */
  purgeProjects(deletedBefore: number): Promise<string[]>
  addDocumentToProject(projectId: string, documentId: string): Promise<void>
  projectOfDocument(documentId: string): Promise<string | undefined>
  /** Every document linked to the project, deleted ones included. */
  listProjectDocuments(projectId: string): Promise<string[]>
  /** Drops the links of documents that were purged. */
  unlinkDocuments(documentIds: readonly string[]): Promise<void>

  /** Adds the member, or changes the role of one who is already in the project. */
  setMember(projectId: string, userId: string, role: ProjectRole): Promise<void>
  /** False when the user was not a member. */
  removeMember(projectId: string, userId: string): Promise<boolean>
  listMembers(projectId: string): Promise<Member[]>
  roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined>
}
