import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http'
import { connect, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from '../logging/index.ts'
import type { Backend } from './Backend.ts'
import type { BackendRouter } from './BackendRouter.ts'
import { startReading, stopReading, type UpgradeRequest } from './handOff.ts'

/** The cookie that keeps a browser's plain requests on one process (import progress lives there). */
export const BACKEND_COOKIE = 'qalam_backend'

const SYNC_PATH = /^\/sync\/([^/?#]+)/

/** The document id of a `/sync/:id` URL as the router keys it (still percent-encoded). */
function documentIdOf(url: string | undefined): string | null {
  return SYNC_PATH.exec(url ?? '')?.[1] ?? null
}

function stickyBackendOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === BACKEND_COOKIE) return decodeURIComponent(value.join('='))
  }
  return null
}

/** The client's address appended to what earlier proxies said, as `X-Forwarded-For` lists it. */
function forwardedFor(request: IncomingMessage): string {
  const before = request.headers['x-forwarded-for']
  const address = request.socket.remoteAddress ?? 'unknown'
  return before ? `${String(before)}, ${address}` : address
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
])

function unavailable(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' })
  response.end(
    JSON.stringify({
      error: { code: 'cluster.unavailable', message: 'No server process is available; try again.' },
    }),
  )
}

/** The upgrade request as it came (raw header lines keep their case and order), the client's address added. */
function upgradeRequestOf(request: IncomingMessage, head: Buffer): UpgradeRequest {
  const rawHeaders: string[] = []
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() !== 'x-forwarded-for') rawHeaders.push(raw[i]!, raw[i + 1]!)
  }
  rawHeaders.push('X-Forwarded-For', forwardedFor(request))
  return {
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    httpVersion: request.httpVersion,
    rawHeaders,
    head: head.toString('base64'),
  }
}

export interface ClusterProxy {
  server: Server
  /** Open WebSockets through the proxy (tunnelled or handed off), by the backend serving them. */
  tunnelCount(backend?: Backend): number
  /** Ends every tunnel (their clients reconnect) and the keep-alive connections to backends. */
  closeTunnels(): void
}

/**
 * The one address users reach: plain HTTP forwarded to a process (keeping the backend in a
 * cookie), WebSocket upgrades handed, socket and all, to the process that holds their
 * document (see handOff.ts), or tunnelled byte for byte to a backend someone else runs. A backend that refuses the connection is skipped for the next one, so a
 * crashed process costs a reconnect, not an error.
 */
export function createClusterProxy(router: BackendRouter, log: Logger): ClusterProxy {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 64 })
  const tunnels = new Map<Duplex, Backend>()
  /** Sockets handed to each backend and not closed yet. */
  const handed = new Map<Backend, number>()

  const forward = (request: IncomingMessage, response: ServerResponse) => {
    // A client gone mid-body: the upstream request is destroyed with the response below.
    request.on('error', () => response.destroy())
    const sticky = stickyBackendOf(request.headers.cookie)
    const candidates = router.forRequest(sticky)
    const attempt = (index: number) => {
      const backend = candidates[index]
      if (!backend?.url) {
        unavailable(response)
        return
      }
      const headers: OutgoingHttpHeaders = {
        ...request.headers,
        'x-forwarded-for': forwardedFor(request),
      }
      headers['x-forwarded-proto'] ??= 'http'
      for (const name of HOP_BY_HOP) delete headers[name]
      const upstream = httpRequest({
        agent,
        host: backend.url.hostname,
        port: backend.url.port,
        method: request.method,
        path: request.url,
        headers,
      })
      // The body is read only once the backend has accepted the connection: a refused one
      // leaves it unread, for the next backend.
      let bodySent = false
      upstream.once('socket', (socket: Socket) => {
        const send = () => {
          bodySent = true
          request.pipe(upstream)
        }
        if (socket.connecting) socket.once('connect', send)
        else send()
      })
      upstream.once('response', (answer) => {
        const answerHeaders = { ...answer.headers }
        for (const name of HOP_BY_HOP) delete answerHeaders[name]
        if (sticky !== backend.name) {
          const cookie = `${BACKEND_COOKIE}=${encodeURIComponent(backend.name)}; Path=/; HttpOnly; SameSite=Lax`
          const set = answerHeaders['set-cookie'] ?? []
          answerHeaders['set-cookie'] = [...set, cookie]
        }
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders)
        answer.pipe(response)
        answer.once('error', () => response.destroy())
      })
      let failed = false
      upstream.on('error', (error) => {
        if (failed) return
        failed = true
        if (!bodySent && !response.headersSent) {
          backend.suspect()
          log.warn('cluster.backend_refused', { backend: backend.name, message: error.message })
          attempt(index + 1)
          return
        }
        log.warn('cluster.forward_failed', { backend: backend.name, message: error.message })
        unavailable(response)
      })
      response.once('close', () => {
        if (!response.writableFinished) upstream.destroy()
      })
    }
    attempt(0)
  }

  const tunnel = (request: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy())
    const documentId = documentIdOf(request.url)
    const candidates = documentId
      ? router.forDocument(documentId)
      : router.forRequest(stickyBackendOf(request.headers.cookie))
    const attempt = (index: number) => {
      const backend = candidates[index]
      if (!backend?.url) {
        client.end(
          'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
        )
        return
      }
      if (backend.handOff && client instanceof Socket) {
        handOff(backend, backend.handOff.bind(backend), client, index)
        return
      }
      const upstream = connect({ host: backend.url.hostname, port: Number(backend.url.port) })
      let connected = false
      let retried = false
      upstream.once('connect', () => {
        connected = true
        if (client.destroyed) {
          upstream.destroy()
          return
        }
        upstream.setNoDelay(true)
        if ('setNoDelay' in client && typeof client.setNoDelay === 'function')
          client.setNoDelay(true)
        const upgrade = upgradeRequestOf(request, head)
        const lines = [`${upgrade.method} ${upgrade.url} HTTP/${upgrade.httpVersion}`]
        const raw = upgrade.rawHeaders
        for (let i = 0; i + 1 < raw.length; i += 2) lines.push(`${raw[i]}: ${raw[i + 1]}`)
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
        if (head.length > 0) upstream.write(head)
        tunnels.set(client, backend)
        if (documentId) router.opened(documentId, backend)
        upstream.pipe(client)
        client.pipe(upstream)
        let ended = false
        const end = () => {
          if (ended) return
          ended = true
          tunnels.delete(client)
          if (documentId) router.closed(documentId, backend)
          upstream.destroy()
          client.destroy()
        }
        upstream.once('close', end)
        client.once('close', end)
      })
      upstream.on('error', (error) => {
        if (connected || retried) return // once connected, 'close' ends the tunnel
        retried = true
        backend.suspect()
        log.warn('cluster.backend_refused', { backend: backend.name, message: error.message })
        attempt(index + 1)
      })
    }
    const handOff = (
      backend: Backend,
      handOffTo: NonNullable<Backend['handOff']>,
      socket: Socket,
      index: number,
    ) => {
      let closed = false
      const close = () => {
        if (closed) return
        closed = true
        handed.set(backend, (handed.get(backend) ?? 1) - 1)
        if (documentId) router.closed(documentId, backend)
      }
      // Counted before the send: the process may report the close before the send completes.
      handed.set(backend, (handed.get(backend) ?? 0) + 1)
      if (documentId) router.opened(documentId, backend)
      const early = stopReading(socket)
      const upgrade = upgradeRequestOf(request, early ? Buffer.concat([head, early]) : head)
      void handOffTo(upgrade, socket, close).then((taken) => {
        if (taken) return
        close()
        if (socket.destroyed) return
        startReading(socket)
        backend.suspect()
        log.warn('cluster.backend_refused', { backend: backend.name, message: 'hand-off failed' })
        attempt(index + 1)
      })
    }
    attempt(0)
  }

  // The processes enforce their own header and request deadlines (and answer 408); the
  // proxy only bounds a connection that never finishes its headers.
  const server = createServer({ headersTimeout: 15_000, requestTimeout: 0 }, forward)
  server.on('upgrade', tunnel)
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  return {
    server,
    tunnelCount: (backend) => {
      const tunnelled = [...tunnels.values()].filter((b) => !backend || b === backend).length
      let handedCount = 0
      for (const [b, count] of handed) if (!backend || b === backend) handedCount += count
      return tunnelled + handedCount
    },
    closeTunnels() {
      for (const client of tunnels.keys()) client.destroy()
      agent.destroy()
    },
  }
}
