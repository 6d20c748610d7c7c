import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { documentProgress, initDocument, readSegments } from '@qalam/shared/model'
import { hashPassword } from '../../server/auth/index.ts'
import { databaseFile } from '../../server/config.ts'
import { SCHEMA_VERSION } from '../../server/storage/sqlite/schema.ts'
import { TEST_PASSWORD, asUser, login } from '../support/accounts.ts'
import { runCli } from '../support/cliProcess.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'

const FIRST_RELEASE_SCHEMA = readFileSync(
  join(import.meta.dirname, '../fixtures/schema-v1.sql'),
  'utf8',
)

let dir: TempDir | null = null
let server: TestServer | null = null
let client: SyncClient | null = null

afterEach(async () => {
  client?.destroy()
  await server?.dispose()
  await dir?.remove()
  client = server = dir = null
})

/** A database file as the first release left it: one admin, one project, one document. */
async function firstReleaseDatabase(file: string) {
  const db = new Database(file)
  db.exec(FIRST_RELEASE_SCHEMA)
  const doc = new Y.Doc()
  initDocument(
    doc,
    { title: 'Old letters', sourceLang: 'ru', targetLang: 'kk', createdAt: 1, trailing: '\n' },
    [{ source: 'Старое письмо.', paragraph: 0, before: '' }],
    { kind: 'server' },
  )
  db.prepare('INSERT INTO users VALUES (?, ?, ?, 1, 1)').run(
    'u1',
    'elder',
    await hashPassword(TEST_PASSWORD),
  )
  db.prepare('INSERT INTO projects VALUES (?, ?, 1)').run('p1', 'Old project')
  db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, 1, 1, ?)').run(
    'd1',
    'Old letters',
    'ru',
    'kk',
    JSON.stringify(documentProgress(doc)),
  )
  db.prepare('INSERT INTO snapshots VALUES (?, 0, ?)').run('d1', Y.encodeStateAsUpdate(doc))
  db.prepare('INSERT INTO project_documents VALUES (?, ?)').run('p1', 'd1')
  db.close()
}

test('a database from the first release opens, keeps its data and gains soft delete', async () => {
  dir = await makeTempDir()
  await firstReleaseDatabase(databaseFile(dir.path))
  server = await startTestServer({ dataDir: dir.path })
  const admin = await login(server.url, 'elder')
  expect(admin.user).toMatchObject({ isActive: true, mustChangePassword: false })

  const documents = await fetch(`${server.url}/api/documents`, { headers: asUser(admin) })
  expect(await documents.json()).toMatchObject({ documents: [{ id: 'd1', title: 'Old letters' }] })
  client = connectClient(server.url, 'd1', admin)
  await client.synced()
  expect(readSegments(client.doc).map((segment) => segment.source)).toEqual(['Старое письмо.'])

  const deleted = await fetch(`${server.url}/api/documents/d1`, {
    method: 'DELETE',
    headers: asUser(admin),
  })
  expect(deleted.status).toBe(204)
  const db = new Database(databaseFile(dir.path), { readonly: true })
  expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([
    { version: SCHEMA_VERSION },
  ])
  expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([
    { version: 1 },
    { version: 2 },
    { version: 3 },
    { version: 4 },
    { version: 5 },
    { version: 6 },
    { version: 7 },
  ])
  expect(db.prepare('SELECT deleted_at IS NOT NULL AS d FROM documents').get()).toEqual({ d: 1 })
  db.close()
})

test('/readyz answers 503 while migrations are not current, and db migrate brings them back', async () => {
  server = await startTestServer()
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  const db = new Database(server.databaseFile)
  db.exec('DELETE FROM schema_migrations')
  db.close()
  const behind = await fetch(`${server.url}/readyz`)
  expect(behind.status).toBe(503)
  expect(await behind.json()).toEqual({ ok: false, migrations: { current: 0, latest: 7 } })

  // Not spawnSync: the server runs in this process and must go on answering its sockets.
  const run = await runCli(['db', 'migrate'], {
    env: { DATA_DIR: server.dataDir, DATABASE_URL: '' },
  })
  expect(run.stderr).toBe('')
  expect(run.stdout).toBe(
    `sqlite:${server.databaseFile} migrated to schema 7 (applied 1, 2, 3, 4, 5, 6, 7)\n`,
  )
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
})

test('a database from the first release gains translation memories for its old projects', async () => {
  dir = await makeTempDir()
  await firstReleaseDatabase(databaseFile(dir.path))
  server = await startTestServer({ dataDir: dir.path })
  const admin = await login(server.url, 'elder')
  const response = await fetch(`${server.url}/api/projects/p1/memories`, { headers: asUser(admin) })
  expect(await response.json()).toMatchObject({
    memories: [{ name: 'Old project', mode: 'write', units: 0, projectId: 'p1' }],
  })
  const db = new Database(databaseFile(dir.path), { readonly: true })
  expect(db.prepare('SELECT COUNT(*) AS n FROM tm_units').get()).toEqual({ n: 0 })
  db.close()
})

test('a database from the first release gains the export rule, off, and a manager can set it', async () => {
  dir = await makeTempDir()
  await firstReleaseDatabase(databaseFile(dir.path))
  server = await startTestServer({ dataDir: dir.path })
  const admin = await login(server.url, 'elder')
  const rule = `${server.url}/api/projects/p1/export-rule`
  expect(await (await fetch(rule, { headers: asUser(admin) })).json()).toEqual({
    approvedOnly: false,
  })
  const set = await fetch(rule, {
    method: 'PUT',
    headers: asUser(admin, { 'content-type': 'application/json' }),
    body: JSON.stringify({ approvedOnly: true }),
  })
  expect(set.status).toBe(200)
  const db = new Database(databaseFile(dir.path), { readonly: true })
  expect(db.prepare('SELECT export_approved_only AS rule FROM projects').get()).toEqual({ rule: 1 })
  db.close()
})
