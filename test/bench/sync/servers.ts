// The servers `npm run bench -- sync` compares, each in child processes of its own, and what
// they cost, read from /proc: CPU seconds (utime + stime) and resident memory.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { databaseFile } from '../../../server/config.ts'
import { spawnCluster } from '../../support/clusterProcess.ts'
import { makeTempDir } from '../../support/tempDir.ts'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const CLOCK_TICKS = 100
const PAGE_KB = 4

export interface ServerUnderTest {
  label: string
  url: string
  /** The processes that serve (the cluster's proxy included). */
  pids(): number[]
  /** The SQLite file when on SQLite, for creating the first administrator. */
  databaseFile: string
  databaseUrl: string | null
  /** Events the server logged, by name (`sync.update_rejected`…). */
  events: Map<string, number>
  stop(): Promise<void>
}

/** Counts `{"event": …}` lines of a server's stderr. */
function countEvents(child: ChildProcess, events: Map<string, number>): void {
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const event = /"event":"([^"]+)"/.exec(line)?.[1]
    if (event) events.set(event, (events.get(event) ?? 0) + 1)
  })
}

/** Runs `node [--import tsx] script` and resolves with the URL its first matching line names. */
function spawnListening(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; events: Map<string, number> }> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const events = new Map<string, number>()
  countEvents(child, events)
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match) resolve({ child, url: match[1]!, events })
    })
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)))
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const force = setTimeout(() => child.kill('SIGKILL'), 30_000)
  await exited
  clearTimeout(force)
}

/**
 * Our server, one process: sessions, validation and store-before-broadcast as in production;
 * its TypeScript through tsx, or with `built` the bundle `npm run build` wrote (as `npm start`).
 */
export async function startOurServer(
  label: string,
  databaseUrl: string | null,
  { built = false }: { built?: boolean } = {},
): Promise<ServerUnderTest> {
  const dir = await makeTempDir('qalam-bench-sync-')
  const env: Record<string, string> = {
    DATA_DIR: dir.path,
    IMPORT_WORKERS: '1',
    MAX_CONNECTIONS: '10000',
    // Empty reads as unset: the bench's own DATABASE_URL (for the cluster) must not leak in.
    DATABASE_URL: databaseUrl ?? '',
  }
  const args = built ? ['server/dist/main.mjs'] : ['--import', 'tsx', 'server/main.ts']
  const { child, url, events } = await spawnListening(args, env)
  return {
    label,
    url,
    pids: () => [child.pid!],
    databaseFile: databaseFile(dir.path),
    databaseUrl,
    events,
    async stop() {
      await stopChild(child)
      await dir.remove()
    },
  }
}

/** y-websocket 1.5.4's server (see referenceServer.mjs). */
export async function startReferenceServer(): Promise<
  ServerUnderTest & { seed(name: string, state: Uint8Array): Promise<void> }
> {
  const script = join(repoRoot, 'test/bench/sync/referenceServer.mjs')
  const { child, url, events } = await spawnListening([script], {})
  return {
    label: 'reference',
    url,
    pids: () => [child.pid!],
    databaseFile: '',
    databaseUrl: null,
    events,
    async seed(name, state) {
      const response = await fetch(`${url}/seed/${encodeURIComponent(name)}`, {
        method: 'PUT',
        body: new Blob([new Uint8Array(state)]),
      })
      if (response.status !== 204) throw new Error(`seeding ${name}: ${response.status}`)
    },
    stop: () => stopChild(child),
  }
}

/** `npm run start:cluster` on PostgreSQL and Redis (the bundle with `built`, as that runs it). */
export async function startClusterServer(
  processes: number,
  databaseUrl: string,
  redisUrl: string,
  redisPrefix: string,
  { built = false }: { built?: boolean } = {},
): Promise<ServerUnderTest> {
  const dir = await makeTempDir('qalam-bench-cluster-')
  const cluster = await spawnCluster(
    {
      DATA_DIR: dir.path,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      IMPORT_WORKERS: '1',
      MAX_CONNECTIONS: '10000',
    },
    ['--processes', String(processes)],
    { built },
  )
  const events = new Map<string, number>()
  countEvents(cluster.child, events)
  return {
    label: `cluster of ${processes}`,
    url: cluster.url,
    pids: () => [cluster.child.pid!, ...[...cluster.processes.values()].map((entry) => entry.pid)],
    databaseFile: '',
    databaseUrl,
    events,
    async stop() {
      await cluster.stop()
      await dir.remove()
    },
  }
}

/** A process's CPU seconds so far (user and system), read from /proc; 0 once it has exited. */
export function readCpuSeconds(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return 0 // the process has exited
  }
}

function readRssMb(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1])
    return (pages * PAGE_KB) / 1024
  } catch {
    return 0
  }
}

/** Resident memory of the server's processes now, in MB. */
export function rssMb(server: ServerUnderTest): number {
  return server.pids().reduce((sum, pid) => sum + readRssMb(pid), 0)
}

/** CPU and peak memory of a server's processes over a stretch of time, sampled every 100 ms. */
export function meter(server: ServerUnderTest): () => { cpuSeconds: number; peakRssMb: number } {
  const cpu = () => server.pids().reduce((sum, pid) => sum + readCpuSeconds(pid), 0)
  const startCpu = cpu()
  let peak = rssMb(server)
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(server))), 100)
  return () => {
    clearInterval(timer)
    peak = Math.max(peak, rssMb(server))
    return { cpuSeconds: Math.round((cpu() - startCpu) * 100) / 100, peakRssMb: Math.round(peak) }
  }
}
