import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { UsernameTakenError, type AuthStore } from './AuthStore.ts'
import { documentAccess, projectAccess } from './projectAccess.ts'
import { hashSessionToken } from './sessionToken.ts'

/** One database for one test: its store, raw SQL on the same tables, and the clean-up. */
export interface AuthStoreHarness {
  store: AuthStore
  /** Runs SQL with `?` placeholders on the store's database, beside the store. */
  query(sql: string, params?: unknown[]): Promise<unknown[]>
  dispose(): Promise<void>
}

/** The behaviour every AuthStore adapter must have. */
export function describeAuthStore(name: string, createHarness: () => Promise<AuthStoreHarness>) {
  describe(`AuthStore: ${name}`, () => {
    let harness: AuthStoreHarness
    let store: AuthStore

    beforeEach(async () => {
      harness = await createHarness()
      store = harness.store
    })
    afterEach(() => harness.dispose())

    const user = (username: string, isAdmin = false) =>
      store.createUser({ username, passwordHash: `hash-of-${username}`, isAdmin })

    describe('users', () => {
      test('creates a user and finds it by name, case-insensitively, with its hash', async () => {
        const created = await user('Aigerim')
        expect(await store.findUserByName('aigerim')).toEqual({
          ...created,
          passwordHash: 'hash-of-Aigerim',
        })
        expect(await store.getUser(created.id)).toEqual(created)
        expect(await store.findUserByName('nobody')).toBeUndefined()
      })

      test('refuses a second user with the same name in other letter case', async () => {
        await user('Aigerim')
        await expect(user('AIGERIM')).rejects.toBeInstanceOf(UsernameTakenError)
        expect(await store.listUsers()).toHaveLength(1)
      })

      test('lists users by name and keeps the admin flag', async () => {
        await user('zarina')
        await user('abai', true)
        const users = await store.listUsers()
        expect(users.map((u) => [u.username, u.isAdmin])).toEqual([
          ['abai', true],
          ['zarina', false],
        ])
        expect(await store.countAdmins()).toBe(1)
        await store.setAdmin(users[1]!.id, true)
        expect(await store.countAdmins()).toBe(2)
      })

      test('replaces a password hash', async () => {
        const created = await user('abai')
        await store.setPasswordHash(created.id, 'new-hash')
        expect((await store.findUserByName('abai'))?.passwordHash).toBe('new-hash')
      })
    })

    describe('sessions', () => {
      test('finds the user of a live session and stores only the token hash', async () => {
        const created = await user('abai')
        const { token, expiresAt } = await store.createSession(created.id, 60_000, 1_000)
        expect(Buffer.from(token, 'base64url')).toHaveLength(32)
        expect(expiresAt).toBe(61_000)
        expect(await store.findSession(token, 2_000)).toEqual({ user: created, expiresAt })
        const stored = await harness.query('SELECT token_hash FROM sessions')
        expect(stored).toEqual([{ token_hash: hashSessionToken(token) }])
        expect(JSON.stringify(await harness.query('SELECT * FROM sessions'))).not.toContain(token)
      })

      test('treats an expired session as absent and removes it', async () => {
        const created = await user('abai')
        const { token } = await store.createSession(created.id, 60_000, 1_000)
        expect(await store.findSession(token, 61_000)).toBeUndefined()
        expect(await harness.query('SELECT count(*) AS n FROM sessions')).toEqual([{ n: 0 }])
      })

      test('ends a session on logout and leaves the user’s other sessions alone', async () => {
        const created = await user('abai')
        const first = await store.createSession(created.id, 60_000)
        const second = await store.createSession(created.id, 60_000)
        expect(first.token).not.toBe(second.token)
        await store.deleteSession(first.token)
        expect(await store.findSession(first.token)).toBeUndefined()
        expect((await store.findSession(second.token))?.user.id).toBe(created.id)
      })

      test('sweeps expired sessions', async () => {
        const created = await user('abai')
        await store.createSession(created.id, 10, 0)
        const live = await store.createSession(created.id, 1_000_000, 0)
        expect(await store.deleteExpiredSessions(100)).toBe(1)
        expect(await store.findSession(live.token, 100)).toBeDefined()
      })

      test('does not find a session from a token that was never issued', async () => {
        expect(await store.findSession('not-a-token')).toBeUndefined()
      })
    })

    describe('projects and members', () => {
      test('creates, gets and lists projects, newest first', async () => {
        const first = await store.createProject('Абай жолы', 1)
        const second = await store.createProject('Qan men ter', 2)
        expect(await store.getProject(first.id)).toEqual(first)
        expect(await store.listProjects()).toEqual([second, first])
        expect(await store.getProject('missing')).toBeUndefined()
      })

      test('adds a member, changes the role, lists members and removes one', async () => {
        const project = await store.createProject('Абай жолы')
        const aigerim = await user('aigerim')
        const bolat = await user('bolat')
        await store.setMember(project.id, aigerim.id, 'translator')
        await store.setMember(project.id, bolat.id, 'reviewer')
        await store.setMember(project.id, aigerim.id, 'manager')
        expect(await store.listMembers(project.id)).toEqual([
          { userId: aigerim.id, username: 'aigerim', role: 'manager' },
          { userId: bolat.id, username: 'bolat', role: 'reviewer' },
        ])
        expect(await store.roleOf(project.id, bolat.id)).toBe('reviewer')
        expect(await store.removeMember(project.id, bolat.id)).toBe(true)
        expect(await store.removeMember(project.id, bolat.id)).toBe(false)
        expect(await store.roleOf(project.id, bolat.id)).toBeUndefined()
      })

      test('lists for a user only the projects they are a member of, with their role', async () => {
        const mine = await store.createProject('mine', 1)
        await store.createProject('theirs', 2)
        const aigerim = await user('aigerim')
        await store.setMember(mine.id, aigerim.id, 'viewer')
        expect(await store.listProjectsForUser(aigerim.id)).toEqual([{ ...mine, role: 'viewer' }])
      })

      test('refuses a role outside the four roles at the database level', async () => {
        const project = await store.createProject('p')
        const aigerim = await user('aigerim')
        await expect(
          harness.query(
            'INSERT INTO project_members (project_id, user_id, role) VALUES (?, ?, ?)',
            [project.id, aigerim.id, 'owner'],
          ),
        ).rejects.toThrow(/check/i)
      })

      test('links documents to a project and answers which project a document is in', async () => {
        const project = await store.createProject('p')
        await store.addDocumentToProject(project.id, 'doc-1')
        await store.addDocumentToProject(project.id, 'doc-2')
        expect(await store.listProjectDocuments(project.id)).toEqual(['doc-1', 'doc-2'])
        expect(await store.projectOfDocument('doc-2')).toBe(project.id)
        expect(await store.projectOfDocument('doc-3')).toBeUndefined()
      })

      test('keeps a project’s approved-only export rule, off by default, and not on a deleted project', async () => {
        const project = await store.createProject('Абай жолы')
        expect(await store.exportApprovedOnly(project.id)).toBe(false)
        expect(await store.setExportApprovedOnly(project.id, true)).toBe(true)
        expect(await store.exportApprovedOnly(project.id)).toBe(true)
        expect(await store.setExportApprovedOnly(project.id, false)).toBe(true)
        expect(await store.exportApprovedOnly(project.id)).toBe(false)
        expect(await store.setExportApprovedOnly('missing', true)).toBe(false)
        expect(await store.exportApprovedOnly('missing')).toBe(false)
        await store.setExportApprovedOnly(project.id, true)
        await store.deleteProject(project.id)
        expect(await store.setExportApprovedOnly(project.id, false)).toBe(false)
        await store.restoreProject(project.id)
        expect(await store.exportApprovedOnly(project.id)).toBe(true)
      })
    })

    describe('pre-fill setting', () => {
      test('keeps a project’s pre-fill of exact matches, off by default', async () => {
        const project = await store.createProject('Қолжазбалар')
        expect(await store.prefillExactMatches(project.id)).toBe(false)
        expect(await store.setPrefillExactMatches(project.id, true)).toBe(true)
        expect(await store.prefillExactMatches(project.id)).toBe(true)
        expect(await store.setPrefillExactMatches(project.id, false)).toBe(true)
        expect(await store.prefillExactMatches(project.id)).toBe(false)
        expect(await store.setPrefillExactMatches('missing', true)).toBe(false)
        expect(await store.prefillExactMatches('missing')).toBe(false)
      })
    })

    describe('access', () => {
      test('gives admins every project, members their role, and others nothing', async () => {
        const project = await store.createProject('p')
        await store.addDocumentToProject(project.id, 'doc-1')
        const admin = await user('admin', true)
        const member = await user('member')
        const stranger = await user('stranger')
        await store.setMember(project.id, member.id, 'translator')
        expect(await projectAccess(store, admin, project.id)).toBe('admin')
        expect(await projectAccess(store, member, project.id)).toBe('translator')
        expect(await projectAccess(store, stranger, project.id)).toBeUndefined()
        expect(await projectAccess(store, admin, 'missing')).toBeUndefined()
        expect(await documentAccess(store, member, 'doc-1')).toEqual({
          projectId: project.id,
          role: 'translator',
        })
        expect(await documentAccess(store, stranger, 'doc-1')).toBeUndefined()
        expect(await documentAccess(store, admin, 'unlinked')).toBeUndefined()
      })
    })
  })
}
