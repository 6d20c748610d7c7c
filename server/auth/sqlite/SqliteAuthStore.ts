import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type {
  AuthStore,
  DeletedProject,
  Member,
  Project,
  ProjectWithRole,
  User,
  UserRecord,
} from '../AuthStore.ts'
import { UsernameTakenError } from '../AuthStore.ts'
import {
  USER_COLUMNS,
  toProject,
  toRole,
  toUser,
  type ProjectRow,
  type UserRow,
} from '../authRows.ts'
import { hashSessionToken, newSessionToken } from '../sessionToken.ts'
import { ADDED_AUTH_COLUMNS, CREATE_AUTH_SCHEMA } from './schema.ts'

function addMissingColumns(db: Database.Database): void {
  for (const { table, column, type } of ADDED_AUTH_COLUMNS) {
    const columns = db.pragma(`table_info(${table})`) as Array<{ name: string }>
    if (!columns.some((c) => c.name === column)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
    }
  }
}

/** Creates the auth tables and adds columns an older file lacks; idempotent. */
export function createSqliteAuthSchema(db: Database.Database): void {
  db.exec(CREATE_AUTH_SCHEMA)
  db.transaction(() => addMissingColumns(db))()
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * The AuthStore on the server's SQLite handle. Creates its tables if they are missing; the
 * caller owns the handle (and its pragmas: WAL, foreign_keys) and closes it.
 */
export function createSqliteAuthStore(db: Database.Database): AuthStore {
  db.pragma('foreign_keys = ON')
  createSqliteAuthSchema(db)

  const userColumns = USER_COLUMNS
  const insertUser = db.prepare(
    'INSERT INTO users (id, username, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const selectUserByName = db.prepare(`SELECT ${userColumns} FROM users WHERE username = ?`)
  const selectUser = db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`)
  const selectUsers = db.prepare(`SELECT ${userColumns} FROM users ORDER BY username`)
  const updatePassword = db.prepare(
    'UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?',
  )
  const updateAdmin = db.prepare('UPDATE users SET is_admin = ? WHERE id = ?')
  const selectAdminCount = db.prepare(
    'SELECT count(*) AS n FROM users WHERE is_admin = 1 AND deactivated_at IS NULL',
  )
  const updateActive = db.prepare('UPDATE users SET deactivated_at = ? WHERE id = ?')
  const deleteSessionsOfUser = db.prepare('DELETE FROM sessions WHERE user_id = ?')

  const insertSession = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)',
  )
  const selectSession = db.prepare(
    `SELECT s.expires_at, ${userColumns.replace(/(\w+)/g, 'u.$1')}
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  )
  const deleteSessionRow = db.prepare('DELETE FROM sessions WHERE token_hash = ?')
  const deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?')

  const insertProject = db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)')
  const selectProject = db.prepare(
    'SELECT id, name, created_at FROM projects WHERE id = ? AND deleted_at IS NULL',
  )
  const selectProjects = db.prepare(
    `SELECT id, name, created_at FROM projects WHERE deleted_at IS NULL
     ORDER BY created_at DESC, rowid DESC`,
  )
  const selectProjectsForUser = db.prepare(
    `SELECT p.id, p.name, p.created_at, m.role FROM projects p
     JOIN project_members m ON m.project_id = p.id
     WHERE m.user_id = ? AND p.deleted_at IS NULL ORDER BY p.created_at DESC, p.rowid DESC`,
  )
  const updateProjectName = db.prepare(
    'UPDATE projects SET name = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const markProjectDeleted = db.prepare(
    'UPDATE projects SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const markProjectRestored = db.prepare(
    'UPDATE projects SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL',
  )
  const selectExportRule = db.prepare(
    'SELECT export_approved_only FROM projects WHERE id = ? AND deleted_at IS NULL',
  )
  const updateExportRule = db.prepare(
    'UPDATE projects SET export_approved_only = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const selectPrefill = db.prepare(
    'SELECT prefill_exact_matches FROM projects WHERE id = ? AND deleted_at IS NULL',
  )
  const updatePrefill = db.prepare(
    'UPDATE projects SET prefill_exact_matches = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const selectDeletedProjects = db.prepare(
    `SELECT id, name, created_at, deleted_at FROM projects WHERE deleted_at IS NOT NULL
     ORDER BY deleted_at DESC, rowid DESC`,
  )
  const selectExpiredProjects = db.prepare('SELECT id FROM projects WHERE deleted_at < ?')
  // Members and document links go with the row (ON DELETE CASCADE).
  const deleteProjectRow = db.prepare('DELETE FROM projects WHERE id = ?')
  const purgeExpiredProjects = db.transaction((deletedBefore: number): string[] => {
    const ids = (selectExpiredProjects.all(deletedBefore) as Array<{ id: string }>).map(
      (row) => row.id,
    )
    for (const id of ids) deleteProjectRow.run(id)
    return ids
  })
  const insertProjectDocument = db.prepare(
    `INSERT INTO project_documents (project_id, document_id) VALUES (?, ?)
     ON CONFLICT (document_id) DO UPDATE SET project_id = excluded.project_id`,
  )
  const selectProjectOfDocument = db.prepare(
    'SELECT project_id FROM project_documents WHERE document_id = ?',
  )
  const selectProjectDocuments = db.prepare(
    'SELECT document_id FROM project_documents WHERE project_id = ? ORDER BY rowid',
  )

  const deleteProjectDocument = db.prepare('DELETE FROM project_documents WHERE document_id = ?')
  const unlink = db.transaction((ids: readonly string[]) => {
    for (const id of ids) deleteProjectDocument.run(id)
  })

  const upsertMember = db.prepare(
    `INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, ?)
     ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role`,
  )
  const deleteMember = db.prepare(
    'DELETE FROM project_members WHERE project_id = ? AND user_id = ?',
  )
  const selectMembers = db.prepare(
    `SELECT m.user_id, u.username, m.role FROM project_members m
     JOIN users u ON u.id = m.user_id WHERE m.project_id = ? ORDER BY u.username`,
  )
  const selectRole = db.prepare(
    'SELECT role FROM project_members WHERE project_id = ? AND user_id = ?',
  )

  return {
    async createUser({ username, passwordHash, isAdmin }) {
      const user: User = {
        id: randomUUID(),
        username,
        isAdmin,
        createdAt: Date.now(),
        isActive: true,
        mustChangePassword: false,
      }
      try {
        insertUser.run(user.id, username, passwordHash, isAdmin ? 1 : 0, user.createdAt)
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTakenError(username)
        throw error
      }
      return user
    },
    async findUserByName(username) {
      const row = selectUserByName.get(username) as UserRow | undefined
      return row
        ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies UserRecord)
        : undefined
    },
    async getUser(id) {
      const row = selectUser.get(id) as UserRow | undefined
      return row ? toUser(row) : undefined
    },
    async listUsers() {
      return (selectUsers.all() as UserRow[]).map(toUser)
    },
    async setPasswordHash(userId, passwordHash, mustChange = false) {
      updatePassword.run(passwordHash, mustChange ? 1 : 0, userId)
    },
    async setActive(userId, isActive, now = Date.now()) {
      updateActive.run(isActive ? null : now, userId)
    },
    async deleteUserSessions(userId) {
      return deleteSessionsOfUser.run(userId).changes
    },
    async setAdmin(userId, isAdmin) {
      updateAdmin.run(isAdmin ? 1 : 0, userId)
    },
    async countAdmins() {
      return (selectAdminCount.get() as { n: number }).n
    },

    async createSession(userId, ttlMs, now = Date.now()) {
      const token = newSessionToken()
      const expiresAt = now + ttlMs
      insertSession.run(hashSessionToken(token), userId, expiresAt)
      return { token, expiresAt }
    },
    async findSession(token, now = Date.now()) {
      const tokenHash = hashSessionToken(token)
      const row = selectSession.get(tokenHash) as (UserRow & { expires_at: number }) | undefined
      if (!row) return undefined
      if (row.expires_at <= now || row.deactivated_at !== null) {
        deleteSessionRow.run(tokenHash)
        return undefined
      }
      return { user: toUser(row), expiresAt: row.expires_at }
    },
    async deleteSession(token) {
      deleteSessionRow.run(hashSessionToken(token))
    },
    async deleteExpiredSessions(now = Date.now()) {
      return deleteExpired.run(now).changes
    },

    async createProject(name, now = Date.now()) {
      const project: Project = { id: randomUUID(), name, createdAt: now }
      insertProject.run(project.id, project.name, project.createdAt)
      return project
    },
    async getProject(id) {
      const row = selectProject.get(id) as ProjectRow | undefined
      return row ? toProject(row) : undefined
    },
    async listProjects() {
      return (selectProjects.all() as ProjectRow[]).map(toProject)
    },
    async listProjectsForUser(userId) {
      const rows = selectProjectsForUser.all(userId) as Array<ProjectRow & { role: string }>
      return rows.map((row): ProjectWithRole => ({ ...toProject(row), role: toRole(row.role) }))
    },
    async renameProject(id, name) {
      return updateProjectName.run(name, id).changes > 0
    },
    async deleteProject(id, now = Date.now()) {
      return markProjectDeleted.run(now, id).changes > 0
    },
    async restoreProject(id) {
      return markProjectRestored.run(id).changes > 0
    },
    async exportApprovedOnly(id) {
      const row = selectExportRule.get(id) as { export_approved_only: number } | undefined
      return row?.export_approved_only === 1
    },
    async setExportApprovedOnly(id, approvedOnly) {
      return updateExportRule.run(approvedOnly ? 1 : 0, id).changes > 0
    },
    async prefillExactMatches(id) {
      const row = selectPrefill.get(id) as { prefill_exact_matches: number } | undefined
      return row?.prefill_exact_matches === 1
    },
    async setPrefillExactMatches(id, prefill) {
      return updatePrefill.run(prefill ? 1 : 0, id).changes > 0
    },
    async listDeletedProjects() {
      const rows = selectDeletedProjects.all() as Array<ProjectRow & { deleted_at: number }>
      return rows.map((row): DeletedProject => ({ ...toProject(row), deletedAt: row.deleted_at }))
    },
    async purgeProjects(deletedBefore) {
      return purgeExpiredProjects(deletedBefore)
    },
    async addDocumentToProject(projectId, documentId) {
      insertProjectDocument.run(projectId, documentId)
    },
    async projectOfDocument(documentId) {
      const row = selectProjectOfDocument.get(documentId) as { project_id: string } | undefined
      return row?.project_id
    },
    async listProjectDocuments(projectId) {
      return (selectProjectDocuments.all(projectId) as Array<{ document_id: string }>).map(
        (row) => row.document_id,
      )
    },

    async unlinkDocuments(documentIds) {
      unlink(documentIds)
    },

    async setMember(projectId, userId, role) {
      upsertMember.run(projectId, userId, role)
    },
    async removeMember(projectId, userId) {
      return deleteMember.run(projectId, userId).changes > 0
    },
    async listMembers(projectId) {
      const rows = selectMembers.all(projectId) as Array<{
        user_id: string
        username: string
        role: string
      }>
      return rows.map((row): Member => ({
        userId: row.user_id,
        username: row.username,
        role: toRole(row.role),
      }))
    },
    async roleOf(projectId, userId) {
      const row = selectRole.get(projectId, userId) as { role: string } | undefined
      return row ? toRole(row.role) : undefined
    },
  }
}
