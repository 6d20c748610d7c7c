import type { RequestHandler } from 'express'
import type { Logger } from '../logging/index.ts'

export interface ReadinessChecks {
  /** Resolves when the store accepts a write; rejects while it does not. */
  probeWritable: () => Promise<void>
  /** The schema the database is at beside the one this server was built for. */
  migrationStatus: () => Promise<{ current: number; latest: number }>
  /**
   * Whether Redis is reachable, when updates fan out through it (`REDIS_URL`). Without it the
   * process serves its own clients, but theirs and other processes' edits do not meet live.
   */
  isFanOutReady?: () => boolean
}

/**
 * `/readyz`: 200 while the store accepts a write, its schema is the one this server knows
 * and (with `REDIS_URL`) Redis is reachable, 503 otherwise. Unlike `/healthz` (the process answers) this tells a load balancer to
 * send no one here: every edit would be refused, since updates are stored before they are
 * applied, and a schema migrated past (or not yet up to) this release's is not one it should
 * write.
 */
export function readiness(checks: ReadinessChecks, log: Logger): RequestHandler {
  return async (_request, response) => {
    try {
      await checks.probeWritable()
    } catch (error) {
      log.error('http.not_ready', { error })
      response.status(503).json({ ok: false, store: 'unwritable' })
      return
    }
    let migrations: { current: number; latest: number }
    try {
      migrations = await checks.migrationStatus()
    } catch (error) {
      log.error('http.not_ready', { error })
      response.status(503).json({ ok: false, store: 'unreadable' })
      return
    }
    if (migrations.current !== migrations.latest) {
      log.error('http.not_ready', { migrations })
      response.status(503).json({ ok: false, migrations })
      return
    }
    if (checks.isFanOutReady && !checks.isFanOutReady()) {
      response.status(503).json({ ok: false, redis: 'unreachable' })
      return
    }
    response.json({ ok: true })
  }
}
