import { IncomingMessage, type IncomingHttpHeaders } from 'node:http'
import { Socket } from 'node:net'
import { z } from 'zod'
import type { Logger } from '../logging/index.ts'

/*
 * WebSocket hand-off. The proxy reads a `/sync/:id` upgrade request, picks the process that
 * holds the document, and sends it the request together with the client's socket itself
 * (Node passes the file descriptor over the IPC channel). The process answers the upgrade
 * and serves the WebSocket on that socket: its frames no longer pass through the proxy,
 * which used to read and write every one of them (a quarter of the cluster's CPU, and two
 * more processes to wake per frame on the way).
 */

/** The upgrade request as the proxy read it, sent along with its socket. */
export const handedUpgrade = z.object({
  kind: z.literal('qalam.upgrade'),
  /** The proxy's number for this socket, named again when it closes. */
  id: z.number().int().nonnegative(),
  method: z.string(),
  url: z.string(),
  httpVersion: z.string().regex(/^\d\.\d$/),
  /** Name, value, name, value… as the client sent them, `X-Forwarded-For` added. */
  rawHeaders: z.array(z.string()),
  /** Bytes the client sent after the headers (base64: IPC messages are JSON). */
  head: z.string(),
})
export type HandedUpgrade = z.infer<typeof handedUpgrade>
/** What the proxy read of an upgrade, before the backend numbers it. */
export type UpgradeRequest = Omit<HandedUpgrade, 'kind' | 'id'>

/** The process's word that a handed socket has closed (the proxy counts a document's sockets). */
export const handedSocketClosed = z.object({
  kind: z.literal('qalam.socketClosed'),
  id: z.number().int().nonnegative(),
})
export type HandedSocketClosed = z.infer<typeof handedSocketClosed>

/**
 * Stops the proxy's own reads of a socket it is about to hand over, and returns what it had
 * read already. Until the process acknowledges the descriptor both hold it, and Node drops
 * whatever the proxy's side reads meanwhile: a client's first frame, sent the moment the
 * process's 101 arrives, was lost that way (its SyncStep1 went unanswered and it never
 * synced). `pause()` stops a net.Socket's 'data' events, not its reads, so the handle itself
 * stops reading (Node's own `pause()` does the same for sockets that read into a buffer).
 */
export function stopReading(socket: Socket): Buffer | null {
  const handle = handleOf(socket)
  if (handle?.reading) {
    handle.reading = false
    handle.readStop()
  }
  return (socket.read() as Buffer | null) ?? null
}

/** Reads again from a socket whose hand-off failed (it is tunnelled or handed elsewhere). */
export function startReading(socket: Socket): void {
  const handle = handleOf(socket)
  if (handle && !handle.reading && !socket.destroyed) {
    handle.reading = true
    handle.readStart()
  }
}

/** The libuv stream under a net.Socket (not in Node's types, but what `pause` itself uses). */
function handleOf(
  socket: Socket,
): { reading: boolean; readStop(): number; readStart(): number } | null {
  const { _handle: handle } = socket as Socket & {
    _handle?: { reading: boolean; readStop(): number; readStart(): number } | null
  }
  return handle ?? null
}

/** Header values by lower-case name, repeated ones joined as Node's own parser joins them. */
function headersOf(rawHeaders: readonly string[]): IncomingHttpHeaders {
  const headers: Record<string, string> = {}
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase()
    const value = rawHeaders[i + 1]!
    const before = headers[name]
    headers[name] =
      before === undefined ? value : `${before}${name === 'cookie' ? '; ' : ', '}${value}`
  }
  return headers
}

/** The request a handed upgrade describes, on the socket it came with. */
function requestOf(upgrade: HandedUpgrade, socket: Socket): IncomingMessage {
  const request = new IncomingMessage(socket)
  const [major, minor] = upgrade.httpVersion.split('.').map(Number)
  request.method = upgrade.method
  request.url = upgrade.url
  request.httpVersion = upgrade.httpVersion
  request.httpVersionMajor = major!
  request.httpVersionMinor = minor!
  request.rawHeaders = upgrade.rawHeaders
  request.headers = headersOf(upgrade.rawHeaders)
  request.complete = true
  return request
}

/**
 * In a server process the cluster started: takes the upgrades the proxy hands over and gives
 * each to `adopt` (the HTTP server's own upgrade handling), and tells the proxy when each
 * socket closes. Anything else on the channel is refused and logged: only the supervisor
 * writes there, so it would be a release mismatch.
 */
export function acceptHandedUpgrades(
  adopt: (request: IncomingMessage, socket: Socket, head: Buffer) => void,
  log: Logger,
): void {
  process.on('message', (message: unknown, handle: unknown) => {
    const parsed = handedUpgrade.safeParse(message)
    if (!parsed.success || !(handle instanceof Socket)) {
      log.error('cluster.handoff_unreadable', { hasSocket: handle instanceof Socket })
      if (handle instanceof Socket) handle.destroy()
      return
    }
    const upgrade = parsed.data
    handle.once('close', () => {
      const closed: HandedSocketClosed = { kind: 'qalam.socketClosed', id: upgrade.id }
      // A proxy that is gone counts nothing any more.
      if (process.connected) process.send?.(closed)
    })
    adopt(requestOf(upgrade, handle), handle, Buffer.from(upgrade.head, 'base64'))
  })
}
