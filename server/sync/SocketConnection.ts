import { randomUUID } from 'node:crypto'
import { WebSocket } from 'ws'
import type { Logger } from '../logging/index.ts'
import type { Peer } from './authorize.ts'
import { CloseCode } from './closeCodes.ts'
import type { RoomConnection } from './Room.ts'

/** A `ws` socket as a room sees it: send if still open, close once with a logged reason. */
export class SocketConnection implements RoomConnection {
  readonly connectionId = randomUUID()
  private admitted: Peer | null = null
  /** Set by a pong, cleared by each keepalive ping. */
  isAlive = true
  private closing = false

  constructor(
    private readonly socket: WebSocket,
    readonly documentId: string,
    private readonly log: Logger,
  ) {}

  /** Who this is; set by `admit` once the session and membership are checked. */
  get peer(): Peer {
    if (!this.admitted) throw new Error('a connection joins a room only once admitted')
    return this.admitted
  }

  /** The hash of the session the connection was admitted with; logout closes its connections. */
  sessionHash: string | null = null

  admit(identity: Omit<Peer, 'connectionId'>, sessionHash: string): void {
    this.admitted = { connectionId: this.connectionId, ...identity }
    this.sessionHash = sessionHash
  }

  get admittedPeer(): Peer | null {
    return this.admitted
  }

  get isOpen(): boolean {
    return !this.closing && this.socket.readyState === WebSocket.OPEN
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return
    this.socket.send(message, (error) => {
      // A failed send means the socket is broken; `close` fires next and the room forgets us.
      if (error) this.socket.terminate()
    })
  }

  close(code: CloseCode, reason: string): void {
    if (this.closing) return
    this.closing = true
    this.log.warn('sync.connection_closed', {
      documentId: this.documentId,
      connectionId: this.connectionId,
      userId: this.admitted?.userId,
      code,
      reason,
    })
    this.socket.close(code, reason)
  }

  ping(): void {
    this.socket.ping()
  }

  /** Drops a peer that stopped answering pings; no close frame, it would not arrive. */
  terminate(): void {
    this.closing = true
    this.socket.terminate()
  }

  /** Server shutdown: a code outside 4400-4499, so clients reconnect once we are back. */
  shutdown(): void {
    if (this.closing) return
    this.closing = true
    this.socket.close(CloseCode.GoingAway, 'server shutting down')
  }
}
