import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { isUniqueViolation } from '../../postgres/index.ts'
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

const changed = (result: pg.QueryResult) => result.rowCount ?? 0

/**
 * The AuthStore on PostgreSQL, over the tables of server/database's migrations. Usernames
 * compare case-insensitively through lower(), which the unique index on lower(username)
 * enforces. The caller owns the pool.
 */
export function createPostgresAuthStore(pool: pg.Pool): AuthStore {
  const one = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<Row>(sql, values)).rows[0]
  const all = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<Row>(sql, values)).rows

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
        await pool.query(
          `INSERT INTO users (id, username, password_hash, is_admin, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [user.id, username, passwordHash, isAdmin ? 1 : 0, user.createdAt],
        )
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTakenError(username)
        throw error
      }
      return user
    },
    async findUserByName(username) {
      const row = await one<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1)`,
        [username],
      )
      return row
        ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies UserRecord)
        : undefined
    },
    async getUser(id) {
      const row = await one<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])
      return row ? toUser(row) : undefined
    },
    async listUsers() {
      const rows = await all<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users ORDER BY lower(username) COLLATE "C", id`,
      )
      return rows.map(toUser)
    },
    async setPasswordHash(userId, passwordHash, mustChange = false) {
      await pool.query(
        'UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3',
        [passwordHash, mustChange ? 1 : 0, userId],
      )
    },
    async setActive(userId, isActive, now = Date.now()) {
      await pool.query('UPDATE users SET deactivated_at = $1 WHERE id = $2', [
        isActive ? null : now,
        userId,
      ])
    },
    async deleteUserSessions(userId) {
      return changed(await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]))
    },
    async setAdmin(userId, isAdmin) {
      await pool.query('UPDATE users SET is_admin = $1 WHERE id = $2', [isAdmin ? 1 : 0, userId])
    },
    async countAdmins() {
      const row = await one<{ n: number }>(
        'SELECT count(*)::integer AS n FROM users WHERE is_admin = 1 AND deactivated_at IS NULL',
      )
      return row?.n ?? 0
    },

    async createSession(userId, ttlMs, now = Date.now()) {
      const token = newSessionToken()
      const expiresAt = now + ttlMs
      await pool.query(
        'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)',
        [hashSessionToken(token), userId, expiresAt],
      )
      return { token, expiresAt }
    },
    async findSession(token, now = Date.now()) {
      const tokenHash = hashSessionToken(token)
      const row = await one<UserRow & { expires_at: number }>(
        `SELECT s.expires_at, ${USER_COLUMNS.replace(/(\w+)/g, 'u.$1')}
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      )
      if (!row) return undefined
      if (row.expires_at <= now || row.deactivated_at !== null) {
        await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
        return undefined
      }
      return { user: toUser(row), expiresAt: row.expires_at }
    },
    async deleteSession(token) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashSessionToken(token)])
    },
    async deleteExpiredSessions(now = Date.now()) {
      return changed(await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]))
    },

    async createProject(name, now = Date.now()) {
      const project: Project = { id: randomUUID(), name, createdAt: now }
      await pool.query('INSERT INTO projects (id, name, created_at) VALUES ($1, $2, $3)', [
        project.id,
        project.name,
        project.createdAt,
      ])
      return project
    },
    async getProject(id) {
      const row = await one<ProjectRow>(
        'SELECT id, name, created_at FROM projects WHERE id = $1 AND deleted_at IS NULL',
        [id],
      )
      return row ? toProject(row) : undefined
    },
    async listProjects() {
      const rows = await all<ProjectRow>(
        `SELECT id, name, created_at FROM projects WHERE deleted_at IS NULL
         ORDER BY created_at DESC, row_order DESC`,
      )
      return rows.map(toProject)
    },
    async listProjectsForUser(userId) {
      const rows = await all<ProjectRow & { role: string }>(
        `SELECT p.id, p.name, p.created_at, m.role FROM projects p
         JOIN project_members m ON m.project_id = p.id
         WHERE m.user_id = $1 AND p.deleted_at IS NULL ORDER BY p.created_at DESC, p.row_order DESC`,
        [userId],
      )
      return rows.map((row): ProjectWithRole => ({ ...toProject(row), role: toRole(row.role) }))
    },
    async renameProject(id, name) {
      const result = await pool.query(
        'UPDATE projects SET name = $1 WHERE id = $2 AND deleted_at IS NULL',
        [name, id],
      )
      return changed(result) > 0
    },
    async deleteProject(id, now = Date.now()) {
      const result = await pool.query(
        'UPDATE projects SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL',
        [now, id],
      )
      return changed(result) > 0
    },
    async exportApprovedOnly(id) {
      const rows = await all<{ export_approved_only: number }>(
        'SELECT export_approved_only FROM projects WHERE id = $1 AND deleted_at IS NULL',
        [id],
      )
      return rows[0]?.export_approved_only === 1
    },
    async setExportApprovedOnly(id, approvedOnly) {
      const result = await pool.query(
        'UPDATE projects SET export_approved_only = $1 WHERE id = $2 AND deleted_at IS NULL',
        [approvedOnly ? 1 : 0, id],
      )
      return changed(result) > 0
    },
    async prefillExactMatches(id) {
      const rows = await all<{ prefill_exact_matches: number }>(
        'SELECT prefill_exact_matches FROM projects WHERE id = $1 AND deleted_at IS NULL',
        [id],
      )
      return rows[0]?.prefill_exact_matches === 1
    },
    async setPrefillExactMatches(id, prefill) {
      const result = await pool.query(
        'UPDATE projects SET prefill_exact_matches = $1 WHERE id = $2 AND deleted_at IS NULL',
        [prefill ? 1 : 0, id],
      )
      return changed(result) > 0
    },
    async restoreProject(id) {
      const result = await pool.query(
        'UPDATE projects SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL',
        [id],
      )
      return changed(result) > 0
    },
    async listDeletedProjects() {
      const rows = await all<ProjectRow & { deleted_at: number }>(
        `SELECT id, name, created_at, deleted_at FROM projects WHERE deleted_at IS NOT NULL
         ORDER BY deleted_at DESC, row_order DESC`,
      )
      return rows.map((row): DeletedProject => ({ ...toProject(row), deletedAt: row.deleted_at }))
    },
    async purgeProjects(deletedBefore) {
      // Members and document links go with the row (ON DELETE CASCADE).
      const rows = await all<{ id: string }>(
        'DELETE FROM projects WHERE deleted_at < $1 RETURNING id',
        [deletedBefore],
      )
      return rows.map((row) => row.id)
    },
    async addDocumentToProject(projectId, documentId) {
      await pool.query(
        `INSERT INTO project_documents (project_id, document_id) VALUES ($1, $2)
         ON CONFLICT (document_id) DO UPDATE SET project_id = excluded.project_id`,
        [projectId, documentId],
      )
    },
    async projectOfDocument(documentId) {
      const row = await one<{ project_id: string }>(
        'SELECT project_id FROM project_documents WHERE document_id = $1',
        [documentId],
      )
      return row?.project_id
    },
    async listProjectDocuments(projectId) {
      const rows = await all<{ document_id: string }>(
        'SELECT document_id FROM project_documents WHERE project_id = $1 ORDER BY row_order',
        [projectId],
      )
      return rows.map((row) => row.document_id)
    },
    async unlinkDocuments(documentIds) {
      await pool.query('DELETE FROM project_documents WHERE document_id = ANY($1::text[])', [
        documentIds,
      ])
    },

    async setMember(projectId, userId, role) {
      await pool.query(
        `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role`,
        [projectId, userId, role],
      )
    },
    async removeMember(projectId, userId) {
      const result = await pool.query(
        'DELETE FROM project_members WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      )
      return changed(result) > 0
    },
    async listMembers(projectId) {
      const rows = await all<{ user_id: string; username: string; role: string }>(
        `SELECT m.user_id, u.username, m.role FROM project_members m
         JOIN users u ON u.id = m.user_id WHERE m.project_id = $1
         ORDER BY lower(u.username) COLLATE "C", u.id`,
        [projectId],
      )
      return rows.map((row): Member => ({
        userId: row.user_id,
        username: row.username,
        role: toRole(row.role),
      }))
    },
    async roleOf(projectId, userId) {
      const row = await one<{ role: string }>(
        'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      )
      return row ? toRole(row.role) : undefined
    },
  }
}
