import type { Logger } from '../logging/index.ts'
import type { Backend } from './Backend.ts'
import { HealthProbe } from './HealthProbe.ts'

/** A server someone else runs and restarts (a systemd unit, a compose service). */
export class RemoteBackend implements Backend {
  readonly name: string
  private readonly probe: HealthProbe

  constructor(
    readonly url: URL,
    intervalMs: number,
    log: Logger,
  ) {
    this.name = url.host
    this.probe = new HealthProbe(
      () => this.url,
      intervalMs,
      (isHealthy) =>
        log.info(isHealthy ? 'cluster.backend_up' : 'cluster.backend_down', { backend: this.name }),
    )
  }

  get isHealthy(): boolean {
    return this.probe.isHealthy
  }

  start(): void {
    this.probe.start()
  }

  stop(): void {
    this.probe.stop()
  }

  suspect(): void {
    this.probe.suspect()
  }
}
