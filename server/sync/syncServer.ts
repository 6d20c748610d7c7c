import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { z } from 'zod'
import type { Logger } from '../logging/index.ts'
import { CloseCode } from './closeCodes.ts'
import { readClientMessage, type ClientMessage } from './protocol.ts'
import type { Room } from './Room.ts'
import type { RoomRegistry } from './RoomRegistry.ts'
import { SocketConnection } from './SocketConnection.ts'

export interface SyncServerOptions {
  rooms: RoomRegistry
  log: Logger
  /** Larger frames are refused by `ws` with close code 1009. */
  maxMessageBytes: number
  /** A connection that has not answered the previous ping by the next one is dropped. */
  pingIntervalMs: number
}

export interface SyncServer {
  /** Closes every connection (clients will reconnect) and stops accepting new ones. */
  close(): Promise<void>
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

/** How long shutdown waits for clients to answer the close frame before dropping them. */
const SHUTDOWN_GRACE_MS = 2000

/** Serves the y-websocket protocol on `/sync/:documentId` of an HTTP server. */
export function attachSyncServer(httpServer: Server, options: SyncServerOptions): SyncServer {
  const { rooms, log } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  const connections = new Map<WebSocket, SocketConnection>()

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const documentId = documentIdOf(request.url)
    if (documentId === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, documentId))
  }

  function serve(ws: WebSocket, documentId: string | null): void {
    const connection = new SocketConnection(ws, documentId ?? '', log)
    connections.set(ws, connection)
    let room: Room | null = null
    // Messages that arrive while the room loads, replayed in order once it has.
    const early: ClientMessage[] = []

    ws.on('pong', () => {
      connection.isAlive = true
    })
    ws.on('message', (data, isBinary) => {
      if (!connection.isOpen) return
      let message: ClientMessage
      try {
        if (!isBinary) throw new Error('text frame')
        message = readClientMessage(toBytes(data))
      } catch (error) {
        connection.close(CloseCode.BadMessage, `bad message: ${(error as Error).message}`)
        return
      }
      if (room) room.receive(connection, message)
      else early.push(message)
    })
    ws.on('error', (error) => {
      // `ws` has already closed the socket (1009 for an oversized frame); say why, once.
      log.warn('sync.socket_error', {
        documentId,
        connectionId: connection.peer.connectionId,
        code: (error as { code?: string }).code,
        message: error.message,
      })
    })
    ws.on('close', () => {
      connections.delete(ws)
      if (room) rooms.leave(room, connection)
    })

    if (documentId === null) {
      connection.close(CloseCode.DocumentNotFound, 'document not found')
      return
    }
    rooms.join(documentId, connection).then(
      (joined) => {
        if (!joined) {
          connection.close(CloseCode.DocumentNotFound, 'document not found')
          return
        }
        if (!connection.isOpen) {
          rooms.leave(joined, connection)
          return
        }
        room = joined
        for (const message of early.splice(0)) joined.receive(connection, message)
      },
      (error: unknown) => {
        log.error('sync.load_failed', { documentId, error })
        connection.close(CloseCode.InternalError, 'could not load the document')
      },
    )
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
