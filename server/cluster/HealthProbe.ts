/**
 * Failed probes in a row after which a backend counts as down, and how long a probe may take.
 * Generous on purpose: on a loaded machine (the sync bench at load average 24) a busy process
 * answered late and flapped down and up two dozen times, and every new socket of its documents
 * went elsewhere meanwhile. A process that is really gone refuses connections, which takes it
 * out at once (`suspect`).
 */
const FAILURES_TO_DOWN = 3
const PROBE_TIMEOUT_MS = 5000

/**
 * Asks a backend's `/healthz` every `intervalMs` and keeps the verdict: healthy after one
 * answer of 200, down after three failures in a row (or at once when a connection to it
 * failed). `/healthz` is the process answering, not the database: with PostgreSQL down every
 * process is equally unable to store, and moving documents between them would not help.
 */
export class HealthProbe {
  isHealthy = false
  /** When the backend last answered; the supervisor kills a process silent for too long. */
  lastAnswerAt = Date.now()
  private failures = 0
  private timer: NodeJS.Timeout | null = null
  private inFlight = false

  constructor(
    private readonly url: () => URL | null,
    private readonly intervalMs: number,
    private readonly onChange: (isHealthy: boolean) => void,
  ) {}

  start(): void {
    this.lastAnswerAt = Date.now()
    this.timer ??= setInterval(() => void this.probe(), this.intervalMs)
    void this.probe()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.failures = 0
    this.set(false)
  }

  /** A connection failed: down now; the next good probe brings it back. */
  suspect(): void {
    this.failures = FAILURES_TO_DOWN
    this.set(false)
  }

  private async probe(): Promise<void> {
    const url = this.url()
    if (!url || this.inFlight) return
    this.inFlight = true
    try {
      const response = await fetch(new URL('/healthz', url), {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`status ${response.status}`)
      this.failures = 0
      this.lastAnswerAt = Date.now()
      this.set(true)
    } catch {
      // Not an error to report: a process starting, stopping or busy. Two in a row take it
      // out of the rotation; the supervisor restarts it if it stays silent.
      if (++this.failures >= FAILURES_TO_DOWN) this.set(false)
    } finally {
      this.inFlight = false
    }
  }

  private set(isHealthy: boolean): void {
    if (this.isHealthy === isHealthy || (!this.timer && isHealthy)) return
    this.isHealthy = isHealthy
    this.onChange(isHealthy)
  }
}
