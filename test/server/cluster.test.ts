import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { segmentAt, targetText } from '@qalam/shared/model'
import { BackendRouter, BACKEND_COOKIE, type Backend } from '../../server/cluster/index.ts'
import { isAlive, spawnCluster, type ClusterProcess } from '../support/clusterProcess.ts'
import { createTestSchema, hasPostgres, type TestSchema } from '../support/postgres.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { typeAtEnd } from '../support/typeAtEnd.ts'
import { waitFor } from '../support/waitFor.ts'
import type { Session } from '../support/accounts.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisAnswers(): Promise<boolean> {
  const url = new URL(REDIS_URL)
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => {
      process.stderr.write(
        `\n*** Redis is not reachable at ${REDIS_URL}: cluster tests SKIPPED.\n\n`,
      )
      resolve(false)
    })
  })
}
const hasRedis = await redisAnswers()

/** The process the proxy sends a document's first socket to: the router's own choice. */
function homeOf(documentId: string, processCount: number): string {
  const backends: Backend[] = Array.from({ length: processCount }, (_, i) => ({
    name: String(i + 1),
    url: new URL('http://127.0.0.1:1'),
    isHealthy: true,
    suspect: () => undefined,
  }))
  return new BackendRouter(backends).forDocument(documentId)[0]!.name
}

const textOf = (client: SyncClient, index: number) => targetText(segmentAt(client.doc, index)!)

describe.skipIf(!hasPostgres || !hasRedis)(
  'a cluster of three processes on PostgreSQL and Redis',
  () => {
    let schema: TestSchema
    let dir: TempDir
    let cluster: ClusterProcess
    let workspace: Workspace
    let translator: Session
    const clients: SyncClient[] = []

    beforeAll(async () => {
      schema = await createTestSchema('cluster')
      dir = await makeTempDir('qalam-cluster-')
      cluster = await spawnCluster(
        {
          DATA_DIR: dir.path,
          DATABASE_URL: schema.url,
          REDIS_URL,
          REDIS_PREFIX: `test:cluster:${randomBytes(4).toString('hex')}:`,
          CLUSTER_HEALTH_INTERVAL_MS: 200,
          IMPORT_WORKERS: 1,
        },
        ['--processes', '3'],
      )
      workspace = await createWorkspace({
        url: cluster.url,
        databaseFile: '',
        databaseUrl: schema.url,
      })
      translator = await workspace.member('translator')
    }, 120_000)

    afterAll(async () => {
      for (const client of clients) client.destroy()
      const pids = [...(cluster?.processes.values() ?? [])].map((entry) => entry.pid)
      expect(await cluster?.stop()).toBe(0)
      // A graceful stop takes every process with it.
      for (const pid of pids) expect(isAlive(pid)).toBe(false)
      await dir?.remove()
      await schema?.drop()
    }, 60_000)

    test('starts three processes and serves HTTP through the proxy, keeping a browser on one', async () => {
      expect([...cluster.processes.keys()].sort()).toEqual(['1', '2', '3'])
      const health = await fetch(`${cluster.url}/healthz`)
      expect(health.status).toBe(200)
      expect(health.headers.get('set-cookie')).toMatch(new RegExp(`^${BACKEND_COOKIE}=[123];`))
      const ready = await fetch(`${cluster.url}/readyz`)
      expect(await ready.json()).toEqual({ ok: true })
    })

    test('relays a document over WebSockets, and moves it to another process when its own dies', async () => {
      // The upload (a multipart body) goes through the proxy as well.
      const { id } = await workspace.importDocument({ bytes: 'Бірінші сөйлем. Екінші сөйлем.\n' })
      const a = connectClient(cluster.url, id, translator)
      const b = connectClient(cluster.url, id, translator)
      clients.push(a, b)
      await Promise.all([a.synced(), b.synced()])
      typeAtEnd(a.doc, 0, 'Бірінші')
      await waitFor(() => expect(textOf(b, 0)).toBe('Бірінші'))

      const home = homeOf(id, 3)
      const killed = cluster.processes.get(home)!
      process.kill(killed.pid, 'SIGKILL')
      // Both reconnect through the proxy, to one process that is still up, and go on editing.
      await waitFor(() => expect(isAlive(killed.pid)).toBe(false))
      typeAtEnd(b.doc, 1, 'Екінші')
      await waitFor(() => expect(textOf(a, 1)).toBe('Екінші'), { timeoutMs: 30_000 })
      const fresh = connectClient(cluster.url, id, translator)
      clients.push(fresh)
      await fresh.synced()
      expect([textOf(fresh, 0), textOf(fresh, 1)]).toEqual(['Бірінші', 'Екінші'])

      // The supervisor starts the dead process again.
      await waitFor(() => expect(cluster.processes.get(home)!.pid).not.toBe(killed.pid), {
        timeoutMs: 60_000,
      })
    }, 120_000)
  },
)

test('refuses to start a cluster on SQLite, saying what to set', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cluster/main.ts'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: 'redis://127.0.0.1:6379', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(2)
  expect(stderr).toMatch(/needs PostgreSQL: set DATABASE_URL/)
}, 30_000)
