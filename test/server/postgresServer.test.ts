import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import pg from 'pg'
import { readMeta, readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { login } from '../support/accounts.ts'
import { createTestSchema, hasPostgres, type TestSchema } from '../support/postgres.ts'
import { applyRandomEdit } from '../support/randomEdits.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

describe.skipIf(!hasPostgres)('a server on PostgreSQL (DATABASE_URL)', () => {
  let schema: TestSchema
  let server: TestServer | null = null
  const clients: SyncClient[] = []

  beforeAll(async () => {
    schema = await createTestSchema('server')
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.dispose()
    await schema.drop()
  })

  async function sql<R extends pg.QueryResultRow>(text: string): Promise<R[]> {
    const client = new pg.Client({ connectionString: schema.url })
    // A lost connection also rejects the query below, which fails the test.
    client.on('error', () => undefined)
    await client.connect()
    try {
      return (await client.query<R>(text)).rows
    } finally {
      await client.end()
    }
  }

  test('stores WebSocket edits in PostgreSQL and serves them again after a restart', async () => {
    server = await startTestServer({ databaseUrl: schema.url, compactEveryUpdates: 25 })
    const workspace = await createWorkspace(server)
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
    const translator = await workspace.member('translator')
    const editor = connectClient(server.url, id, translator)
    clients.push(editor)
    await editor.synced()

    const random = seededRandom(11)
    for (let i = 0; i < 60; i++) applyRandomEdit(editor.doc, random, translator.user.id)
    const segments = readSegments(editor.doc)
    setTargetText(editor.doc, segments[0]!.id, 'Мұрағат жаңа ғимаратқа көшті.', translator.user.id)
    setStatus(editor.doc, segments[0]!.id, 'translated', translator.user.id)

    // Stored before sent: a second client sees everything only once the database holds it.
    const reader = connectClient(server.url, id, translator)
    clients.push(reader)
    await waitFor(() =>
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(editor.doc)),
    )
    const before = { segments: readSegments(editor.doc), meta: readMeta(editor.doc) }
    expect(before.segments[0]).toMatchObject({ status: 'translated' })
    // The room folded the log into snapshots along the way (every 25 updates), beside its
    // queue: the last one may still be written.
    await waitFor(async () => {
      const [snapshot] = await sql<{ seq: string }>(
        `SELECT seq FROM snapshots WHERE document_id = '${id}'`,
      )
      expect(Number(snapshot!.seq)).toBeGreaterThan(0)
    })
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE document_id = '${id}'`,
    )
    expect(audit.map((row) => row.action)).toContain('status')

    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    server = await server.restart({ databaseUrl: schema.url })
    const fresh = connectClient(server.url, id, await login(server.url, translator.user.username))
    clients.push(fresh)
    await fresh.synced()
    expect(readSegments(fresh.doc)).toEqual(before.segments)
    expect(readMeta(fresh.doc)).toEqual(before.meta)
  })

  test('/readyz answers 503 while the schema is not the one the server knows', async () => {
    server ??= await startTestServer({ databaseUrl: schema.url })
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: true })
    await sql(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from a newer release', 0)",
    )
    const ahead = await fetch(`${server.url}/readyz`)
    expect(ahead.status).toBe(503)
    expect(await ahead.json()).toEqual({ ok: false, migrations: { current: 99, latest: 7 } })
    await sql('DELETE FROM schema_migrations WHERE version = 99')
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })
})
