import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { z } from 'zod'
import { isAllowedOrigin } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { Peer } from './authorize.ts'
import { AwarenessGate } from './awarenessGate.ts'
import { CloseCode } from './closeCodes.ts'
import {
  RefusedMessageError,
  readClientMessage,
  type ClientMessage,
  type MessageLimits,
} from './protocol.ts'
import type { Room } from './Room.ts'
import type { RoomRegistry } from './RoomRegistry.ts'
import { SocketConnection } from './SocketConnection.ts'

/** Whether a connection may open a document, and as whom. */
export type Admission =
  /** `sessionHash`: the session token's hash (`hashSessionToken`), as logouts name it. */
  | { kind: 'admitted'; peer: Omit<Peer, 'connectionId'>; sessionHash: string }
  /** No live session: closed with 4401. */
  | { kind: 'unauthenticated' }
  /** No such document, or the user is not in its project: closed with 4404 alike. */
  | { kind: 'not_found' }

export interface SyncServerOptions {
  rooms: RoomRegistry
  log: Logger
  /** Checks the session (from the upgrade request's cookie) and the membership. */
  admit(request: IncomingMessage, documentId: string): Promise<Admission>
  /** Browser origins allowed to connect besides the server's own. */
  allowedOrigins: readonly string[]
  /** Larger frames are refused by `ws` with close code 1009. */
  maxMessageBytes: number
  /** Updates past these are refused before they are decoded. */
  limits: MessageLimits
  /** A connection that has not answered the previous ping by the next one is dropped. */
  pingIntervalMs: number
  /** Told each update refused before it reached a room (over a limit), for `/metrics`. */
  onRefused?: (reason: string) => void
}

export interface SyncServer {
  /** Open WebSockets. */
  readonly connectionCount: number
  /** Closes every connection (clients will reconnect) and stops accepting new ones. */
  close(): Promise<void>
  /** Logout: closes the connections of the session whose token hashes to this with 4401. */
  endSession(sessionHash: string): void
  /** A member's role changed or they left: their connections reconnect and are judged again. */
  changeAccess(userId: string, projectId: string): void
  /** Deactivation or a password reset: the user's connections close with 4401. */
  endUser(userId: string): void
  /** A deleted document: its connections close with 4404 (admission refuses new ones). */
  closeDocument(documentId: string): void
}

const SYNC_PATH = /^\/sync\/([^/]+)$/
const documentIdSchema = z.string().min(1).max(200)

/** The document id in a `/sync/:documentId` URL; undefined for other paths. */
function documentIdOf(url: string | undefined): string | null | undefined {
  const match = SYNC_PATH.exec(new URL(url ?? '/', 'http://localhost').pathname)
  if (!match) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(match[1]!)
  } catch {
    return null // malformed percent-encoding: no document can have that id
  }
  const parsed = documentIdSchema.safeParse(decoded)
  return parsed.success ? parsed.data : null
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

/** Messages held while the session is checked and the room loads; a real client sends a few. */
const MAX_EARLY_MESSAGES = 1000

/** How long shutdown waits for clients to answer the close frame before dropping them. */
const SHUTDOWN_GRACE_MS = 2000

/** Serves the y-websocket protocol on `/sync/:documentId` of an HTTP server. */
export function attachSyncServer(httpServer: Server, options: SyncServerOptions): SyncServer {
  const { rooms, log } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  const connections = new Map<WebSocket, SocketConnection>()
  // The server's own origin is whatever host the browser reached it by (same host and port).
  const allowedOrigins = (host: string | undefined) =>
    host ? [`http://${host}`, `https://${host}`, ...options.allowedOrigins] : options.allowedOrigins

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until `ws` takes the socket over (and listens itself), a reset would be an unhandled
    // 'error' event, which ends the process.
    socket.on('error', (error) => log.warn('sync.upgrade_socket_error', { message: error.message }))
    const documentId = documentIdOf(request.url)
    if (documentId === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    if (!isAllowedOrigin(request.headers.origin, allowedOrigins(request.headers.host))) {
      log.warn('sync.origin_refused', {
        origin: request.headers.origin,
        host: request.headers.host,
      })
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, request, documentId))
  }

  function serve(ws: WebSocket, request: IncomingMessage, documentId: string | null): void {
    const connection = new SocketConnection(ws, documentId ?? '', log)
    connections.set(ws, connection)
    let room: Room | null = null
    // Messages that arrive while the room loads, replayed in order once it has.
    const early: ClientMessage[] = []
    const deliver = (message: ClientMessage) => {
      if (room) {
        room.receive(connection, message)
      } else if (early.length >= MAX_EARLY_MESSAGES) {
        connection.close(CloseCode.BadMessage, 'too many messages before the document loaded')
      } else {
        early.push(message)
      }
    }
    const awarenessGate = new AwarenessGate((entries) =>
      guarded(connection, () => {
        if (connection.isOpen) deliver({ kind: 'awareness', entries })
      }),
    )

    ws.on('pong', () => {
      connection.isAlive = true
    })
    const receive = (data: RawData, isBinary: boolean) => {
      if (!connection.isOpen) return
      let message: ClientMessage
      try {
        if (!isBinary) throw new Error('text frame')
        message = readClientMessage(toBytes(data), options.limits)
      } catch (error) {
        if (error instanceof RefusedMessageError) {
          options.onRefused?.(error.reason)
          log.warn('sync.update_rejected', {
            documentId,
            connectionId: connection.connectionId,
            reason: error.reason,
            detail: error.message,
          })
          connection.close(CloseCode.Forbidden, error.reason)
        } else {
          connection.close(CloseCode.BadMessage, `bad message: ${(error as Error).message}`)
        }
        return
      }
      if (message.kind === 'awareness' && !awarenessGate.admits(message.entries)) return
      deliver(message)
    }
    ws.on('message', (data, isBinary) => guarded(connection, () => receive(data, isBinary)))
    ws.on('error', (error) => {
      // `ws` has already closed the socket (1009 for an oversized frame); say why, once.
      log.warn('sync.socket_error', {
        documentId,
        connectionId: connection.connectionId,
        code: (error as { code?: string }).code,
        message: error.message,
      })
    })
    ws.on('close', () => {
      awarenessGate.stop()
      connections.delete(ws)
      if (room) rooms.leave(room, connection)
    })

    admitAndJoin(connection, request, documentId).then(
      (joined) => {
        if (!joined) return
        if (!connection.isOpen) {
          rooms.leave(joined, connection)
          return
        }
        room = joined
        guarded(connection, () => {
          for (const message of early.splice(0)) {
            if (connection.isOpen) joined.receive(connection, message)
          }
        })
      },
      (error: unknown) => {
        log.error('sync.load_failed', { documentId, error })
        connection.close(CloseCode.InternalError, 'could not load the document')
      },
    )
  }

  /**
   * Who the connection is, then its room: nothing of the document is sent, and nothing the
   * client sent is read, before the session and the membership are checked. Null when the
   * connection was refused (and closed) instead.
   */
  /**
   * The one boundary every socket message passes: whatever throws while it is read, judged or
   * relayed closes that connection (1011, logged once) and leaves the process and the room
   * serving everyone else.
   */
  function guarded(connection: SocketConnection, handle: () => void): void {
    try {
      handle()
    } catch (error) {
      log.error('sync.message_failed', {
        documentId: connection.documentId,
        connectionId: connection.connectionId,
        error,
      })
      connection.close(CloseCode.InternalError, 'server error')
    }
  }

  async function admitAndJoin(
    connection: SocketConnection,
    request: IncomingMessage,
    documentId: string | null,
  ): Promise<Room | null> {
    const admission: Admission =
      documentId === null ? { kind: 'not_found' } : await options.admit(request, documentId)
    if (admission.kind === 'unauthenticated') {
      connection.close(CloseCode.Unauthorized, 'log in first')
      return null
    }
    if (admission.kind === 'not_found' || documentId === null) {
      connection.close(CloseCode.DocumentNotFound, 'document not found')
      return null
    }
    if (!connection.isOpen) return null
    connection.admit(admission.peer, admission.sessionHash)
    const joined = await rooms.join(documentId, connection)
    if (!joined) connection.close(CloseCode.DocumentNotFound, 'document not found')
    return joined
  }

  const keepalive = setInterval(() => {
    for (const connection of connections.values()) {
      if (!connection.isAlive) {
        connection.terminate()
        continue
      }
      connection.isAlive = false
      connection.ping()
    }
  }, options.pingIntervalMs)

  httpServer.on('upgrade', onUpgrade)

  return {
    get connectionCount() {
      return connections.size
    },
    endSession(sessionHash) {
      for (const connection of connections.values()) {
        if (connection.sessionHash === sessionHash) {
          connection.close(CloseCode.Unauthorized, 'logged out')
        }
      }
    },
    changeAccess(userId, projectId) {
      for (const connection of connections.values()) {
        const peer = connection.admittedPeer
        if (peer?.userId === userId && peer.projectId === projectId) {
          connection.close(CloseCode.AccessChanged, 'access changed')
        }
      }
    },
    endUser(userId) {
      for (const connection of connections.values()) {
        if (connection.admittedPeer?.userId === userId) {
          connection.close(CloseCode.Unauthorized, 'account changed')
        }
      }
    },
    closeDocument(documentId) {
      for (const connection of connections.values()) {
        if (connection.documentId === documentId) {
          connection.close(CloseCode.DocumentNotFound, 'document not found')
        }
      }
    },
    async close() {
      clearInterval(keepalive)
      httpServer.off('upgrade', onUpgrade)
      const closed = [...connections.keys()].map(
        (ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())),
      )
      for (const connection of connections.values()) connection.shutdown()
      const grace = setTimeout(() => {
        for (const connection of connections.values()) connection.terminate()
      }, SHUTDOWN_GRACE_MS)
      await Promise.all(closed)
      clearTimeout(grace)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
