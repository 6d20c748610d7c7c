import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { DELETED_RETENTION_MS } from '@qalam/shared/workflow'
import {
  addMember,
  asUser,
  createProject,
  createUser,
  login,
  type Session,
} from '../support/accounts.ts'
import { importDocument, postImport } from '../support/documentsApi.ts'
import { connectClient, openRawSocket, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let server: TestServer
let workspace: Workspace
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Archive')
}, 60_000)

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

afterAll(async () => {
  await server?.dispose()
})

async function call(
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> {
  const response = await fetch(server.url + path, {
    method,
    headers: asUser(session, body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

function countRows(sql: string, ...params: unknown[]): number {
  const db = new Database(server.databaseFile, { readonly: true })
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n
  } finally {
    db.close()
  }
}

/** A second project of the same administrator. */
async function otherProject(name: string) {
  const projectId = await createProject(server.url, workspace.admin, name)
  return {
    projectId,
    async member(role: 'translator', username: string) {
      const session = await createUser(server.url, workspace.admin, username)
      await addMember(server.url, workspace.admin, projectId, username, role)
      return session
    },
    importDocument: (bytes: string) =>
      importDocument(server.url, { session: workspace.admin, projectId, bytes }),
  }
}

async function auditActions(projectId: string): Promise<string[]> {
  const { body } = await call(workspace.admin, 'GET', `/api/projects/${projectId}/audit`)
  return (body.entries as Array<{ action: string }>).map((entry) => entry.action)
}

describe('renaming, deleting and restoring a document', () => {
  test('a manager renames, deletes and restores a document; each step is in the audit log', async () => {
    const manager = await workspace.member('manager')
    const { id } = await workspace.importDocument({ bytes: 'Первое. Второе.', title: 'Draft' })
    const base = `/api/documents/${id}`

    expect(await call(manager, 'PATCH', base, { title: '  Letters of 1921 ' })).toMatchObject({
      status: 200,
      body: { title: 'Letters of 1921' },
    })
    expect((await call(manager, 'GET', base)).body.title).toBe('Letters of 1921')

    expect((await call(manager, 'DELETE', base)).status).toBe(204)
    expect((await call(manager, 'GET', base)).status).toBe(404)
    const listed = await call(manager, 'GET', `/api/documents?projectId=${workspace.projectId}`)
    expect((listed.body.documents as Array<{ id: string }>).map((d) => d.id)).not.toContain(id)
    const bin = await call(
      manager,
      'GET',
      `/api/documents/deleted?projectId=${workspace.projectId}`,
    )
    const deleted = (
      bin.body.documents as Array<{ id: string; deletedAt: number; purgeAt: number }>
    ).filter((document) => document.id === id)
    expect(deleted).toHaveLength(1)
    expect(deleted[0]!.purgeAt - deleted[0]!.deletedAt).toBe(DELETED_RETENTION_MS)

    expect(await call(manager, 'POST', `${base}/restore`)).toMatchObject({
      status: 200,
      body: { id, title: 'Letters of 1921' },
    })
    expect((await call(manager, 'GET', base)).status).toBe(200)
    expect((await call(manager, 'POST', `${base}/restore`)).status).toBe(404)
    expect((await auditActions(workspace.projectId)).slice(0, 3)).toEqual([
      'document.restore',
      'document.delete',
      'document.rename',
    ])
  })

  test('translators, reviewers and viewers may neither rename, delete, restore nor see the bin', async () => {
    const { id } = await workspace.importDocument({ bytes: 'Текст.', title: 'Kept' })
    for (const role of ['translator', 'reviewer', 'viewer'] as const) {
      const member = await workspace.member(role)
      const base = `/api/documents/${id}`
      expect((await call(member, 'PATCH', base, { title: 'Mine' })).status).toBe(403)
      expect((await call(member, 'DELETE', base)).status).toBe(403)
      expect((await call(member, 'POST', `${base}/restore`)).status).toBe(403)
      const bin = `/api/documents/deleted?projectId=${workspace.projectId}`
      expect((await call(member, 'GET', bin)).status).toBe(403)
    }
    expect((await call(workspace.admin, 'GET', `/api/documents/${id}`)).body.title).toBe('Kept')
  })

  test('a bad title is refused with 400 and nothing changes', async () => {
    const { id } = await workspace.importDocument({ bytes: 'Текст.', title: 'Stays' })
    for (const body of [{ title: '   ' }, { title: 'x'.repeat(301) }, { name: 'wrong' }, {}]) {
      const answer = await call(workspace.admin, 'PATCH', `/api/documents/${id}`, body)
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'request.invalid' } } })
    }
    expect((await call(workspace.admin, 'GET', `/api/documents/${id}`)).body.title).toBe('Stays')
  })

  test('deleting a document closes its open sockets with 4404 and refuses new ones', async () => {
    const { id } = await workspace.importDocument({ bytes: 'Первое. Второе.' })
    const translator = await workspace.member('translator')
    const client = connectClient(server.url, id, translator)
    clients.push(client)
    await client.synced()
    const codes: number[] = []
    client.provider.on('connection-close', (event) => event && codes.push(event.code))
    expect((await call(workspace.admin, 'DELETE', `/api/documents/${id}`)).status).toBe(204)
    await waitFor(() => expect(codes).toContain(4404))
    const again = openRawSocket(server.url, id, translator)
    expect(await again.closed).toEqual({ code: 4404, reason: 'document not found' })
    expect(again.received).toEqual([])
  })
})

describe('renaming, deleting and restoring a project', () => {
  test('an administrator deletes a project: it and its documents vanish for members until restored', async () => {
    const other = await otherProject('Temporary')
    const translator = await other.member('translator', 'temporary-translator')
    const { id: documentId } = await other.importDocument('Текст.')
    expect(
      (
        await call(workspace.admin, 'PATCH', `/api/projects/${other.projectId}`, {
          name: 'Renamed',
        })
      ).body.name,
    ).toBe('Renamed')
    expect((await call(workspace.admin, 'DELETE', `/api/projects/${other.projectId}`)).status).toBe(
      204,
    )
    expect((await call(translator, 'GET', `/api/projects/${other.projectId}`)).status).toBe(404)
    expect((await call(translator, 'GET', `/api/documents/${documentId}`)).status).toBe(404)
    expect((await call(translator, 'GET', '/api/projects')).body.projects).toEqual([])
    const bin = await call(workspace.admin, 'GET', '/api/projects/deleted')
    expect(bin.body.projects).toMatchObject([{ id: other.projectId, name: 'Renamed' }])
    expect((await call(translator, 'GET', '/api/projects/deleted')).status).toBe(403)

    expect(
      (await call(workspace.admin, 'POST', `/api/projects/${other.projectId}/restore`)).status,
    ).toBe(200)
    expect((await call(translator, 'GET', `/api/documents/${documentId}`)).status).toBe(200)
    expect((await auditActions(other.projectId)).slice(0, 3)).toEqual([
      'project.restore',
      'project.delete',
      'project.rename',
    ])
  })

  test('a manager may rename the project but not delete it; others may do neither', async () => {
    const manager = await workspace.member('manager')
    const reviewer = await workspace.member('reviewer')
    const path = `/api/projects/${workspace.projectId}`
    expect((await call(manager, 'PATCH', path, { name: 'Archive 1921' })).status).toBe(200)
    expect((await call(reviewer, 'PATCH', path, { name: 'Mine' })).status).toBe(403)
    expect((await call(manager, 'DELETE', path)).status).toBe(403)
    expect((await call(manager, 'PATCH', path, { name: '' })).status).toBe(400)
    expect((await call(manager, 'GET', path)).body.name).toBe('Archive 1921')
  })
})

describe('deactivating a user and resetting a password', () => {
  test('deactivation ends the user’s sessions and live socket at once; reactivation lets them log in again', async () => {
    const translator = await workspace.member('translator', 'dauren')
    const { id } = await workspace.importDocument({ bytes: 'Первое.' })
    const client = connectClient(server.url, id, translator)
    clients.push(client)
    await client.synced()
    const codes: number[] = []
    client.provider.on('connection-close', (event) => event && codes.push(event.code))

    const off = await call(workspace.admin, 'PATCH', `/api/users/${translator.user.id}`, {
      isActive: false,
    })
    expect(off).toMatchObject({ status: 200, body: { user: { isActive: false } } })
    await waitFor(() => expect(codes).toContain(4401))
    expect((await call(translator, 'GET', '/api/session')).status).toBe(401)
    await expect(login(server.url, 'dauren')).rejects.toThrow(/403.*auth\.deactivated/)
    const users = await call(workspace.admin, 'GET', '/api/users')
    expect(users.body.users).toContainEqual(
      expect.objectContaining({ username: 'dauren', isActive: false }),
    )

    await call(workspace.admin, 'PATCH', `/api/users/${translator.user.id}`, { isActive: true })
    const back = await login(server.url, 'dauren')
    expect((await call(back, 'GET', `/api/documents/${id}`)).status).toBe(200)
  })

  test('an administrator cannot deactivate their own account, and bad bodies are refused with 400', async () => {
    const self = await call(workspace.admin, 'PATCH', `/api/users/${workspace.admin.user.id}`, {
      isActive: false,
    })
    expect(self).toMatchObject({ status: 409, body: { error: { code: 'user.self' } } })
    for (const body of [{}, { isActive: 'no' }, { isActive: null }]) {
      expect(
        (await call(workspace.admin, 'PATCH', `/api/users/${workspace.admin.user.id}`, body))
          .status,
      ).toBe(400)
    }
    expect(
      (await call(workspace.admin, 'PATCH', '/api/users/nobody', { isActive: false })).status,
    ).toBe(404)
    const member = await workspace.member('manager')
    expect(
      (await call(member, 'PATCH', `/api/users/${workspace.admin.user.id}`, { isActive: false }))
        .status,
    ).toBe(403)
    expect((await call(workspace.admin, 'GET', '/api/session')).status).toBe(200)
  })

  test('after a reset the user must choose a new password before anything else works', async () => {
    const reviewer = await workspace.member('reviewer', 'saule')
    const { id } = await workspace.importDocument({ bytes: 'Первое.' })
    const reset = `/api/users/${reviewer.user.id}/password`
    expect((await call(workspace.admin, 'POST', reset, { password: 'short' })).status).toBe(400)
    expect(
      (await call(workspace.admin, 'POST', reset, { password: 'one-time secret 42' })).status,
    ).toBe(200)
    expect((await call(reviewer, 'GET', '/api/session')).status).toBe(401)
    await expect(login(server.url, 'saule')).rejects.toThrow(/401/)

    const once = await login(server.url, 'saule', 'one-time secret 42')
    expect(once.user).toMatchObject({ mustChangePassword: true })
    expect(await call(once, 'GET', '/api/documents')).toMatchObject({
      status: 403,
      body: { error: { code: 'auth.password_change_required' } },
    })
    const socket = openRawSocket(server.url, id, once)
    expect((await socket.closed).code).toBe(4401)

    const change = '/api/session/password'
    expect(
      (
        await call(once, 'POST', change, {
          currentPassword: 'wrong one',
          newPassword: 'my own password 7',
        })
      ).body.error?.code,
    ).toBe('password.wrong_current')
    expect(
      (
        await call(once, 'POST', change, {
          currentPassword: 'one-time secret 42',
          newPassword: 'one-time secret 42',
        })
      ).body.error?.code,
    ).toBe('password.unchanged')
    expect(
      (
        await call(once, 'POST', change, {
          currentPassword: 'one-time secret 42',
          newPassword: 'aaaa',
        })
      ).status,
    ).toBe(400)
    expect(
      await call(once, 'POST', change, {
        currentPassword: 'one-time secret 42',
        newPassword: 'my own password 7',
      }),
    ).toMatchObject({
      status: 200,
      body: { user: { mustChangePassword: false } },
    })
    expect((await call(once, 'GET', `/api/documents/${id}`)).status).toBe(200)
    await expect(login(server.url, 'saule', 'one-time secret 42')).rejects.toThrow(/401/)
    await login(server.url, 'saule', 'my own password 7')
  })
})

describe('importing with the same source and target language', () => {
  test('is refused with 400 and stores nothing unless the request confirms it', async () => {
    const before = countRows('SELECT count(*) AS n FROM documents')
    const refused = await postImport(server.url, {
      session: workspace.admin,
      projectId: workspace.projectId,
      sourceLang: 'ru',
      targetLang: 'ru-RU'.slice(0, 2),
      bytes: 'Текст на русском.',
    })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'import.same_language',
    )
    expect(countRows('SELECT count(*) AS n FROM documents')).toBe(before)

    const form = new FormData()
    form.append('projectId', workspace.projectId)
    form.append('sourceLang', 'kk')
    form.append('targetLang', 'kk')
    form.append('sameLanguage', 'true')
    form.append('file', new Blob(['Қазақ тілінде мәтін.']), 'edit.txt')
    const confirmed = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: form,
      headers: asUser(workspace.admin),
    })
    expect(confirmed.status).toBe(201)
    expect(countRows('SELECT count(*) AS n FROM documents')).toBe(before + 1)
  })
})

// Last: it restarts the server, and the workspace keeps the first one’s URL.
describe('the bin is purged after 30 days', () => {
  test('a document and a project deleted more than 30 days ago are gone after a restart; a recent one stays', async () => {
    const old = await workspace.importDocument({ bytes: 'Старый.' })
    const recent = await workspace.importDocument({ bytes: 'Новый.' })
    const gone = await otherProject('Gone')
    const inGone = await gone.importDocument('Текст.')
    for (const id of [old.id, recent.id])
      await call(workspace.admin, 'DELETE', `/api/documents/${id}`)
    await call(workspace.admin, 'DELETE', `/api/projects/${gone.projectId}`)
    const longAgo = Date.now() - DELETED_RETENTION_MS - 60_000
    const db = new Database(server.databaseFile)
    db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run(longAgo, old.id)
    db.prepare('UPDATE projects SET deleted_at = ? WHERE id = ?').run(longAgo, gone.projectId)
    db.close()

    await server.close()
    server = await server.restart()
    expect(countRows('SELECT count(*) AS n FROM documents WHERE id = ?', old.id)).toBe(0)
    expect(countRows('SELECT count(*) AS n FROM updates WHERE document_id = ?', old.id)).toBe(0)
    expect(countRows('SELECT count(*) AS n FROM documents WHERE id = ?', inGone.id)).toBe(0)
    expect(countRows('SELECT count(*) AS n FROM projects WHERE id = ?', gone.projectId)).toBe(0)
    expect(countRows('SELECT count(*) AS n FROM documents WHERE id = ?', recent.id)).toBe(1)
    expect(
      (await call(workspace.admin, 'POST', `/api/documents/${recent.id}/restore`)).status,
    ).toBe(200)
  })
})
