import type { AddressInfo } from 'node:net'
import type { Logger } from '../logging/index.ts'
import type { Backend } from './Backend.ts'
import { BackendRouter } from './BackendRouter.ts'
import type { ClusterConfig } from './clusterConfig.ts'
import { createClusterProxy } from './proxy.ts'
import { RemoteBackend } from './RemoteBackend.ts'
import { ServerProcess } from './ServerProcess.ts'

export interface RunningCluster {
  /** The proxy's `http://host:port`. */
  url: string
  backends: readonly Backend[]
  /** Stops taking connections, then stops every process gracefully (SIGTERM, then SIGKILL). */
  close(): Promise<void>
}

export interface ClusterHooks {
  log: Logger
  /** The environment the processes get (DATABASE_URL, REDIS_URL and the rest pass through). */
  env: NodeJS.ProcessEnv
  /** Told each time a supervised process listens, including after a restart. */
  onProcessListening?: (process: ServerProcess) => void
}

/** Waits until `check` holds (checking every 50 ms) or `timeoutMs` has passed. */
async function until(check: () => boolean, timeoutMs = Infinity): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

/** How long the start waits for every process to answer before it serves with those that do. */
const START_TIMEOUT_MS = 120_000

/**
 * Starts the processes (or probes the ones named), then the proxy in front of them. Resolves
 * once the proxy listens and every backend has answered a health probe once.
 */
export async function startCluster(
  config: ClusterConfig,
  hooks: ClusterHooks,
): Promise<RunningCluster> {
  const { log } = hooks
  let processes: ServerProcess[] = []
  let remotes: RemoteBackend[] = []
  if (config.mode.kind === 'supervise') {
    const { processes: count, basePort } = config.mode
    processes = Array.from(
      { length: count },
      (_, i) =>
        new ServerProcess(
          String(i + 1),
          {
            port: basePort === 0 ? 0 : basePort + i,
            env: hooks.env,
            healthIntervalMs: config.healthIntervalMs,
            hungAfterMs: config.hungAfterMs,
            log,
          },
          hooks.onProcessListening,
        ),
    )
    // One at a time: each applies the missing migrations under an advisory lock anyway, but
    // starting together they would compete for the two cores the first start needs.
    for (const process of processes) {
      process.start()
      await until(() => process.url !== null || process.pid === null)
    }
  } else {
    remotes = config.mode.backends.map(
      (url) => new RemoteBackend(url, config.healthIntervalMs, log),
    )
    for (const remote of remotes) remote.start()
  }
  const backends: Backend[] = [...processes, ...remotes]
  const router = new BackendRouter(backends)
  const proxy = createClusterProxy(router, log)
  await new Promise<void>((resolve, reject) => {
    proxy.server.once('error', reject)
    proxy.server.listen(config.port, config.host, () => {
      proxy.server.off('error', reject)
      resolve()
    })
  })
  const allUp = await until(() => backends.every((backend) => backend.isHealthy), START_TIMEOUT_MS)
  if (!allUp) {
    const down = backends.filter((backend) => !backend.isHealthy).map((backend) => backend.name)
    log.error('cluster.start_incomplete', { down })
  }
  const { port } = proxy.server.address() as AddressInfo
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info('cluster.listening', { url, backends: backends.map((backend) => backend.name) })

  let closing: Promise<void> | null = null
  return {
    url,
    backends,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => proxy.server.close(() => resolve()))
        // The processes close their sockets themselves (1001, clients reconnect elsewhere or
        // later) and compact their rooms; the tunnels end with them.
        await Promise.all(processes.map((process) => process.stop(config.stopGraceMs)))
        for (const remote of remotes) remote.stop()
        proxy.closeTunnels()
        proxy.server.closeAllConnections()
        await closed
      })()
      return closing
    },
  }
}
