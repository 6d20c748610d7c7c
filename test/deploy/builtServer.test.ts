// What `npm start` and the deploy files run: the bundle `npm run build` writes (server/dist),
// built here afresh so that no stale bundle is tested. Every other test runs the TypeScript.
import { spawnSync } from 'node:child_process'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildServer } from '../../server/bundle/buildServer.ts'
import { createProject, login, TEST_PASSWORD } from '../support/accounts.ts'
import { REPO_ROOT } from '../support/cliProcess.ts'
import { spawnCluster, type ClusterProcess } from '../support/clusterProcess.ts'
import { importDocument } from '../support/documentsApi.ts'
import { createTestSchema, hasPostgres, type TestSchema } from '../support/postgres.ts'
import { hasRedis, REDIS_URL, uniquePrefix } from '../support/redis.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'

let dir: TempDir
let server: ServerProcess | null = null
const clients: SyncClient[] = []

beforeAll(async () => {
  await buildServer()
  dir = await makeTempDir('qalam-built-')
}, 60_000)

afterAll(async () => {
  clients.forEach((client) => client.destroy())
  await server?.kill9()
  await dir.remove()
})

test(
  'the built CLI and server serve health, an import (in a worker thread) and a document sync',
  { timeout: 60_000 },
  async () => {
    const added = spawnSync(
      process.execPath,
      ['server/dist/cli.mjs', 'user', 'add', 'admin', '--password', TEST_PASSWORD, '--admin'],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir.path } },
    )
    expect(added.stderr).toBe('')
    expect(added.status).toBe(0)

    server = await spawnServer({ DATA_DIR: dir.path }, { built: true })
    expect(server.child.spawnargs).not.toContain('tsx')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const admin = await login(server.url, 'admin')
    const projectId = await createProject(server.url, admin)
    const { id } = await importDocument(server.url, {
      bytes: SAMPLE_BYTES,
      session: admin,
      projectId,
      targetLang: 'kk',
    })

    const [writer, reader] = [
      connectClient(server.url, id, admin),
      connectClient(server.url, id, admin),
    ]
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    const first = readSegments(writer.doc)[0]!
    setTargetText(writer.doc, first.id, 'Сәлем', admin.user.id)
    await waitFor(() => expect(readSegments(reader.doc)[0]!.target).toBe('Сәлем'))

    // SIGTERM: the server compacts the open document (in the bundled snapshot thread) and exits.
    await server.stop()
    expect(server.child.exitCode).toBe(0)
    expect(server.output()).not.toMatch(/"level":"error"/)
  },
)

describe.skipIf(!hasPostgres || !hasRedis)('the built cluster', () => {
  let schema: TestSchema | null = null
  let cluster: ClusterProcess | null = null
  let clusterDir: TempDir | null = null

  afterAll(async () => {
    expect(await cluster?.stop()).toBe(0)
    await clusterDir?.remove()
    await schema?.drop()
  })

  test(
    'serves WebSockets through its proxy and relays a document between two clients',
    { timeout: 90_000 },
    async () => {
      schema = await createTestSchema('built_cluster')
      clusterDir = await makeTempDir('qalam-built-cluster-')
      cluster = await spawnCluster(
        {
          DATA_DIR: clusterDir.path,
          DATABASE_URL: schema.url,
          REDIS_URL,
          REDIS_PREFIX: uniquePrefix('built-cluster'),
          IMPORT_WORKERS: 1,
        },
        ['--processes', '2'],
        { built: true },
      )
      expect(cluster.child.spawnargs).not.toContain('tsx')
      const workspace = await createWorkspace({
        url: cluster.url,
        databaseFile: '',
        databaseUrl: schema.url,
      })
      const { id } = await workspace.importDocument({ bytes: 'Бір сөйлем. Екі сөйлем.\n' })
      const [writer, reader] = [
        connectClient(cluster.url, id, workspace.admin),
        connectClient(cluster.url, id, workspace.admin),
      ]
      clients.push(writer, reader)
      await Promise.all([writer.synced(), reader.synced()])
      const first = readSegments(writer.doc)[0]!
      setTargetText(writer.doc, first.id, 'Бір', workspace.admin.user.id)
      await waitFor(() => expect(readSegments(reader.doc)[0]!.target).toBe('Бір'))
      expect(cluster.output()).not.toMatch(/"level":"error"/)
    },
  )
})
