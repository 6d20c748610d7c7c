import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { databaseFile } from '../../server/config.ts'
import { asUser, type Session } from '../support/accounts.ts'
import { importDocument, postImport, postLargeImport } from '../support/documentsApi.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { importPhase, postWatchedImport, stallUpload } from '../support/importProgress.ts'
import type { RawConnection } from '../support/rawHttp.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { startTestServer } from '../support/testServer.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

/** About 19.5 MB of Russian prose: the size that held the event loop for 25 s before. */
const LARGE_SEGMENTS = 145_000
/** About 1 MB each. */
const SMALL_SEGMENTS = 7_500
const SMALL_IMPORTS = 20
const HEALTH_CHECKS = 5

let dir: TempDir | null = null
let server: ServerProcess | null = null
const clients: SyncClient[] = []
const connections: RawConnection[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const connection of connections.splice(0)) connection.destroy()
  await server?.stop()
  server = null
  await dir?.remove()
  dir = null
})

async function startServer(env: Record<string, string | number> = {}): Promise<Workspace> {
  dir = await makeTempDir('qalam-imports-')
  server = await spawnServer({ DATA_DIR: dir.path, ...env })
  return createWorkspace({ url: server.url, databaseFile: databaseFile(dir.path) })
}

async function documentCount(url: string, session: Session): Promise<number> {
  const response = await fetch(`${url}/api/documents`, { headers: asUser(session) })
  return ((await response.json()) as { documents: unknown[] }).documents.length
}

async function healthy(url: string): Promise<boolean> {
  const response = await fetch(`${url}/healthz`)
  return response.status === 200 && ((await response.json()) as { ok: boolean }).ok
}

describe('the progress of an upload', () => {
  test('is shown to its own user only, and a malformed id is refused', async () => {
    const testServer = await startTestServer()
    try {
      const workspace = await createWorkspace(testServer)
      const other = await workspace.member('manager')
      const progress = randomUUID()
      connections.push(await stallUpload(testServer.port, workspace.admin, progress))
      await waitFor(async () =>
        expect(await importPhase(testServer.url, workspace.admin, progress)).toEqual({
          status: 200,
          body: { phase: 'receiving' },
        }),
      )
      expect((await importPhase(testServer.url, other, progress)).status).toBe(404)
      expect((await importPhase(testServer.url, workspace.admin, randomUUID())).status).toBe(404)
      expect((await importPhase(testServer.url, workspace.admin, 'not-an-id')).status).toBe(400)
    } finally {
      for (const connection of connections.splice(0)) connection.destroy()
      await testServer.dispose()
    }
  })
})

describe('imports run beside everyone else, not instead of them', () => {
  test(
    'while a 20 MB import and 20 concurrent 1 MB imports run, /healthz and a live edit are answered before the large import ends',
    // Generous: the large import alone takes half a minute of one core on this shared machine.
    { timeout: 600_000 },
    async () => {
      const workspace = await startServer()
      const url = workspace.serverUrl
      const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
      const translator = await workspace.member('translator')
      const editor = connectClient(url, id, translator)
      const observer = connectClient(url, id, workspace.admin)
      clients.push(editor, observer)
      await Promise.all([editor.synced(), observer.synced()])

      const events: string[] = []
      const large = postWatchedImport(url, workspace.admin, {
        projectId: workspace.projectId,
        bytes: generateDocument(LARGE_SEGMENTS),
        title: 'large',
      })
      const largeDone = large.response.then(
        async (response) => {
          events.push('large import answered')
          return { status: response.status, body: (await response.json()) as { segments: number } }
        },
        () => ({ status: 0, body: { segments: 0 } }),
      )
      // Past its upload: the server is now decoding and segmenting it (or it has finished).
      await waitFor(
        async () => expect((await large.phase()).body).not.toEqual({ phase: 'receiving' }),
        { timeoutMs: 300_000, intervalMs: 100 },
      )
      // A dropped connection (status 0) is a failure the assertions below name, not an
      // unhandled rejection once the test has stopped on another.
      const small = Array.from({ length: SMALL_IMPORTS }, (_, index) =>
        postImport(url, {
          session: workspace.admin,
          projectId: workspace.projectId,
          bytes: generateDocument(SMALL_SEGMENTS),
          title: `small ${index}`,
          sourceLang: 'ru',
          targetLang: 'kk',
        }).then(
          (response) => response.status,
          () => 0,
        ),
      )

      for (let i = 0; i < HEALTH_CHECKS; i++) {
        if (await healthy(url)) events.push('healthz answered')
      }
      const segmentId = readSegments(editor.doc)[0]!.id
      setTargetText(editor.doc, segmentId, 'Мұрағат ашық.', translator.user.id)
      await waitFor(() => expect(readSegments(observer.doc)[0]!.target).toBe('Мұрағат ашық.'), {
        timeoutMs: 300_000,
      })
      events.push('live edit relayed')

      const answered = await largeDone
      expect(answered.status).toBe(201)
      expect(answered.body.segments).toBe(LARGE_SEGMENTS)
      expect(await Promise.all(small)).toEqual(Array(SMALL_IMPORTS).fill(201))
      const beforeLarge = events.slice(0, events.indexOf('large import answered'))
      expect(beforeLarge).toEqual([
        ...Array(HEALTH_CHECKS).fill('healthz answered'),
        'live edit relayed',
      ])
      expect(await documentCount(url, workspace.admin)).toBe(2 + SMALL_IMPORTS)
    },
  )

  test(
    'a full pool answers 503 import.busy with Retry-After and stores nothing, then takes imports again',
    { timeout: 300_000 },
    async () => {
      // One worker and no queue: one upload in progress takes the only slot.
      const workspace = await startServer({ IMPORT_WORKERS: 1, IMPORT_QUEUE: 0 })
      const url = workspace.serverUrl
      // An upload that sends its headers and stops: it holds the slot while it "uploads".
      const progress = randomUUID()
      const stalled = await stallUpload(server!.port, workspace.admin, progress)
      connections.push(stalled)
      await waitFor(async () =>
        expect((await importPhase(url, workspace.admin, progress)).body).toEqual({
          phase: 'receiving',
        }),
      )
      const before = await documentCount(url, workspace.admin)

      const refused = await postImport(url, {
        session: workspace.admin,
        projectId: workspace.projectId,
        bytes: SAMPLE_BYTES,
        sourceLang: 'ru',
        targetLang: 'kk',
      })
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('import.busy')
      expect(await documentCount(url, workspace.admin)).toBe(before)

      stalled.destroy()
      await waitFor(() => workspace.importDocument({ bytes: SAMPLE_BYTES }), { timeoutMs: 60_000 })
      expect(await documentCount(url, workspace.admin)).toBe(before + 1)
    },
  )

  test(
    'an import that kills its worker fails with a clear 4xx, stores nothing, and the server serves on',
    { timeout: 300_000 },
    async () => {
      // A heap this small holds a small text's Y.Doc but not a 5 MB one's.
      const workspace = await startServer({ IMPORT_WORKER_MEMORY_MB: 96 })
      const url = workspace.serverUrl
      await workspace.importDocument({ bytes: SAMPLE_BYTES })
      const before = await documentCount(url, workspace.admin)

      const response = await postLargeImport(url, {
        session: workspace.admin,
        projectId: workspace.projectId,
        bytes: generateDocument(40_000),
        sourceLang: 'ru',
        targetLang: 'kk',
      })
      expect(response.status).toBe(413)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'import.too_complex',
      )
      expect(await documentCount(url, workspace.admin)).toBe(before)
      expect(await healthy(url)).toBe(true)
      // A new worker takes the next import.
      await importDocument(url, {
        session: workspace.admin,
        projectId: workspace.projectId,
        bytes: SAMPLE_BYTES,
      })
      expect(await documentCount(url, workspace.admin)).toBe(before + 1)
      expect(server!.output()).toMatch(/workers\.job_failed.*out_of_memory/)
    },
  )

  test(
    'stopping the server while an import runs in a worker ends it and exits cleanly, storing nothing',
    { timeout: 300_000 },
    async () => {
      const workspace = await startServer()
      const running = postWatchedImport(workspace.serverUrl, workspace.admin, {
        projectId: workspace.projectId,
        bytes: generateDocument(40_000),
      })
      const answered = running.response.then(
        (response) => response.status,
        () => 'connection closed',
      )
      await waitFor(
        async () => expect((await running.phase()).body).toEqual({ phase: 'running' }),
        { timeoutMs: 120_000, intervalMs: 100 },
      )
      const child = server!.child
      await server!.stop()
      server = null
      expect(child.exitCode).toBe(0)
      // Answered 422 import.failed as the pool closed, or cut off with the connections.
      expect([422, 'connection closed']).toContain(await answered)
      const restarted = await spawnServer({ DATA_DIR: dir!.path })
      server = restarted
      expect(await documentCount(restarted.url, workspace.admin)).toBe(0)
    },
  )
})
