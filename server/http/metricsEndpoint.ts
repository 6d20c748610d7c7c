import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler } from 'express'

export interface MetricsOptions {
  /** Renders the Prometheus text. */
  render(): string
  /**
   * A bearer token the scraper sends (`METRICS_TOKEN`); null serves only requests from this
   * machine that no proxy forwarded.
   */
  token: string | null
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
/** A proxy on this machine would make every visitor look local; these headers give it away. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const

function sameBytes(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function mayScrape(request: Request, token: string | null): boolean {
  if (token !== null) {
    const header = request.headers.authorization ?? ''
    return header.startsWith('Bearer ') && sameBytes(header.slice('Bearer '.length), token)
  }
  const isLocal = LOOPBACK.has(request.socket.remoteAddress ?? '')
  return isLocal && FORWARDING_HEADERS.every((name) => request.headers[name] === undefined)
}

/**
 * `/metrics`: rooms, connections, updates and the fan-out between processes in Prometheus
 * text. Counts of documents and refusals say how busy the installation is, so they are not
 * public: a token, or loopback when no token is configured. Anyone else gets 404, as if
 * there were no such page.
 */
export function metricsEndpoint(options: MetricsOptions): RequestHandler {
  return (request, response) => {
    if (!mayScrape(request, options.token)) {
      response.status(404).json({ error: { code: 'not_found', message: 'Not found' } })
      return
    }
    response.type('text/plain; version=0.0.4; charset=utf-8').send(options.render())
  }
}
