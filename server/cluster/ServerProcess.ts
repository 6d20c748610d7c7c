import { spawn, type ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { bundledModule, isBundled } from '../bundle/index.ts'
import type { Logger } from '../logging/index.ts'
import type { Backend } from './Backend.ts'
import { handedSocketClosed, type HandedUpgrade, type UpgradeRequest } from './handOff.ts'
import { HealthProbe } from './HealthProbe.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
/** The built cluster runs the built server; run through tsx, the sources. */
const SERVER_ARGV = isBundled
  ? [fileURLToPath(bundledModule('main'))]
  : ['--import', 'tsx', 'server/main.ts']

export interface ServerProcessOptions {
  /** 0 lets the process pick a free port (read back from its "listening on" line). */
  port: number
  /** The cluster's environment; PORT, HOST and TRUST_PROXY are set per process. */
  env: NodeJS.ProcessEnv
  healthIntervalMs: number
  hungAfterMs: number
  log: Logger
}

const MIN_BACKOFF_MS = 500
const MAX_BACKOFF_MS = 30_000
/** A process that ran this long before it died starts again at once; a crash loop backs off. */
const STABLE_AFTER_MS = 10_000

/**
 * One `server/main.ts` in a child process, started again whenever it exits (until `stop`).
 * Node runs its build, or the TypeScript through tsx's loader, in the same process, so the pid
 * is the server's own: signals reach it directly and /proc shows its CPU and memory.
 */
export class ServerProcess implements Backend {
  url: URL | null = null
  private child: ChildProcess | null = null
  private stopping = false
  private startedAt = 0
  private backoffMs = MIN_BACKOFF_MS
  private restartTimer: NodeJS.Timeout | null = null
  private readonly probe: HealthProbe
  private readonly watchdog: NodeJS.Timeout
  /** Sockets handed to the running process, by hand-off number, with whom to tell of their close. */
  private readonly handed = new Map<number, () => void>()
  private nextHandOff = 0

  constructor(
    readonly name: string,
    private readonly options: ServerProcessOptions,
    /** Told each time the process listens (again), with its pid and URL. */
    private readonly onListening: (process: ServerProcess) => void = () => undefined,
  ) {
    this.probe = new HealthProbe(
      () => this.url,
      options.healthIntervalMs,
      (isHealthy) =>
        options.log.info(isHealthy ? 'cluster.process_up' : 'cluster.process_down', {
          process: name,
          pid: this.pid,
        }),
    )
    this.watchdog = setInterval(() => this.killIfHung(), options.healthIntervalMs)
    this.watchdog.unref()
  }

  get isHealthy(): boolean {
    return this.probe.isHealthy
  }

  get pid(): number | null {
    return this.child?.pid ?? null
  }

  suspect(): void {
    this.probe.suspect()
  }

  start(): void {
    this.stopping = false
    this.startedAt = Date.now()
    const child = spawn(process.execPath, SERVER_ARGV, {
      cwd: repoRoot,
      env: {
        ...this.options.env,
        PORT: String(this.options.port),
        // Only the proxy on this machine reaches the process; its X-Forwarded-For names the
        // browser, which the login throttle counts per address.
        HOST: '127.0.0.1',
        TRUST_PROXY: 'loopback',
      },
      // The IPC channel carries handed WebSocket upgrades (see handOff.ts).
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    })
    this.child = child
    child.on('message', (message: unknown) => this.received(message))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match && !this.url) {
        this.url = new URL(match[1]!)
        this.probe.start()
        this.onListening(this)
        return
      }
      // The first-run hint and anything else the server says, passed on.
      process.stdout.write(`${line}\n`)
    })
    child.once('exit', (code, signal) => this.exited(child, code, signal))
  }

  handOff(upgrade: UpgradeRequest, socket: Socket, closed: () => void): Promise<boolean> {
    const child = this.child
    if (!child?.connected || !this.url) return Promise.resolve(false)
    const id = this.nextHandOff++
    // Before the send: the process may report the close before the send's callback runs.
    this.handed.set(id, closed)
    return new Promise((resolve) => {
      const message: HandedUpgrade = { kind: 'qalam.upgrade', id, ...upgrade }
      child.send(message, socket, { keepOpen: false }, (error) => {
        if (!error) {
          resolve(true)
          return
        }
        this.handed.delete(id)
        this.options.log.warn('cluster.handoff_failed', { process: this.name, error })
        resolve(false)
      })
    })
  }

  private received(message: unknown): void {
    const parsed = handedSocketClosed.safeParse(message)
    if (!parsed.success) {
      // Only our server writes on the channel: a message we cannot read is a release mismatch.
      this.options.log.error('cluster.message_unreadable', { process: this.name })
      return
    }
    const closed = this.handed.get(parsed.data.id)
    this.handed.delete(parsed.data.id)
    closed?.()
  }

  /** The process is gone, and every socket it was handed with it. */
  private closeHanded(): void {
    const closed = [...this.handed.values()]
    this.handed.clear()
    for (const close of closed) close()
  }

  /** SIGTERM (the server closes its sockets and compacts), SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    this.restartTimer = null
    clearInterval(this.watchdog)
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(force)
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return
    this.child = null
    this.url = null
    this.closeHanded()
    this.probe.stop()
    if (this.stopping) return
    const ranMs = Date.now() - this.startedAt
    this.backoffMs =
      ranMs >= STABLE_AFTER_MS ? MIN_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, this.backoffMs * 2)
    const delayMs = ranMs >= STABLE_AFTER_MS ? 0 : this.backoffMs
    this.options.log.error('cluster.process_exited', {
      process: this.name,
      code,
      signal,
      restartInMs: delayMs,
    })
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null
      if (!this.stopping) this.start()
    }, delayMs)
  }

  /** Alive but silent (an event loop stuck for good): killed, and so started again. */
  private killIfHung(): void {
    if (!this.child || !this.url || this.stopping) return
    if (Date.now() - this.probe.lastAnswerAt < this.options.hungAfterMs) return
    this.options.log.error('cluster.process_hung', { process: this.name, pid: this.pid })
    this.child.kill('SIGKILL')
  }
}
