import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
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

/** Inodes of the sockets process `pid` holds open (Linux: its /proc/PID/fd links). */
function socketsOf(pid: number): Set<string> {
  const inodes = new Set<string>()
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
      if (inode) inodes.add(inode)
    } catch {
      // Closed between the listing and the read: not a socket it holds any more.
    }
  }
  return inodes
}

/** Inodes of the established TCP connections whose local end is `port` (clients of it). */
function connectionsTo(port: number): Set<string> {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      const localPort = parseInt(fields[1]?.split(':').at(-1) ?? '', 16)
      // State 01 is ESTABLISHED; the inode is the tenth field.
      if (localPort === port && fields[3] === '01') inodes.add(fields[9]!)
    }
  }
  return inodes
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

    test('hands a WebSocket to the process that holds its document, which serves it on the client connection itself', async () => {
      const { id } = await workspace.importDocument({ bytes: 'Бір сөйлем.\n' })
      const a = connectClient(cluster.url, id, translator)
      const b = connectClient(cluster.url, id, translator)
      clients.push(a, b)
      await Promise.all([a.synced(), b.synced()])
      // The clients' connections to the proxy's port are open in the document's process: the
      // proxy passed them on instead of copying their frames over connections of its own.
      const home = cluster.processes.get(homeOf(id, 3))!
      const held = socketsOf(home.pid)
      const handed = [...connectionsTo(Number(new URL(cluster.url).port))].filter((inode) =>
        held.has(inode),
      )
      expect(handed.length).toBeGreaterThanOrEqual(2)
      typeAtEnd(a.doc, 0, 'Бір')
      await waitFor(() => expect(textOf(b, 0)).toBe('Бір'))
      a.destroy()
      b.destroy()
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
