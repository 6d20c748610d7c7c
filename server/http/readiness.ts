import type { RequestHandler } from 'express'
import type { Logger } from '../logging/index.ts'

/**
 * `/readyz`: 200 while the store accepts a write, 503 while it does not. Unlike `/healthz`
 * (the process answers) this tells a load balancer to send no one here: every edit would be
 * refused, since updates are stored before they are applied.
 */
export function readiness(probeWritable: () => Promise<void>, log: Logger): RequestHandler {
  return async (_request, response) => {
    try {
      await probeWritable()
    } catch (error) {
      log.error('http.not_ready', { error })
      response.status(503).json({ ok: false, store: 'unwritable' })
      return
    }
    response.json({ ok: true })
  }
}
