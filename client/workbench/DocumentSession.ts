import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { keepStructsCompact } from '@qalam/shared/model'
import { reportUnauthorized } from '../auth/unauthorized.ts'
import type { LocalUser } from '../presence/identity.ts'
import { UnsentChanges } from './UnsentChanges.ts'

/**
 * What the socket of an open document is doing, as the header shows it. `offline`: the browser
 * has no network; the socket is closed at once rather than left to time out after 30 s.
 */
export type ConnectionState =
  'connecting' | 'connected' | 'reconnecting' | 'offline' | 'notFound' | 'closed'

// Close codes of the server (server/sync/closeCodes.ts). y-websocket stops reconnecting on
// every code in 4400-4499 and emits `closed`; on AccessChanged it reconnects by itself.
const CLOSE_ACCESS_CHANGED = 4000
const CLOSE_UNAUTHORIZED = 4401
const CLOSE_FORBIDDEN = 4403
const CLOSE_NOT_FOUND = 4404

/** Performance marks of a session's first connection and first complete document. */
export const MARK_CONNECTED = 'qalam:document-connected'
export const MARK_SYNCED = 'qalam:document-synced'

/** The server refused one of our updates; `reason` is its rejection code (e.g. `segment_locked`). */
export interface Refusal {
  reason: string
}

/**
 * One open document: its Y.Doc and the one WebSocket provider that syncs it. Every editor of
 * the document shares this provider; nothing else may open a socket for the document.
 */
export class DocumentSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly unsent: UnsentChanges
  private connection: ConnectionState = 'connecting'
  private isCatchingUpNow = false
  private hasConnected = false
  private hasSyncedOnce = false
  private readonly listeners = new Set<() => void>()
  private readonly refusalListeners = new Set<(refusal: Refusal) => void>()
  private readonly accessListeners = new Set<() => void>()

  constructor(
    readonly documentId: string,
    user: LocalUser,
    origin: string = location.origin,
  ) {
    // A large document's structs are most of what the page holds.
    keepStructsCompact(this.doc)
    this.provider = new WebsocketProvider(
      origin.replace(/^http/, 'ws') + '/sync',
      documentId,
      this.doc,
      // Tabs of one browser would otherwise pass updates to each other directly, and a change
      // the server refused in one tab would live on in the others and come back from them.
      { disableBc: true },
    )
    this.unsent = new UnsentChanges(this.doc, this.provider)
    this.unsent.subscribe(() => {
      if (this.unsent.count === 0) this.isCatchingUpNow = false
      this.notify()
    })
    this.provider.awareness.setLocalState({ user, segmentId: null })
    this.provider.on('status', ({ status }) => {
      // The marks let `npm run bench -- load` split the wait for a document into its phases.
      if (status === 'connected' && !this.hasConnected) performance.mark(MARK_CONNECTED)
      if (status === 'connected') {
        this.isCatchingUpNow = this.hasConnected && this.unsent.count > 0
        this.hasConnected = true
        this.setConnection('connected')
      } else if (this.isEnded) return
      else if (!navigator.onLine) this.setConnection('offline')
      else this.setConnection(this.hasConnected ? 'reconnecting' : 'connecting')
    })
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('online', this.onOnline)
    this.provider.on('sync', (isSynced) => {
      if (!isSynced || this.hasSyncedOnce) return
      performance.mark(MARK_SYNCED)
      this.hasSyncedOnce = true
      for (const listener of this.listeners) listener()
    })
    this.provider.on('connection-close', (event) => {
      if (event?.code === CLOSE_ACCESS_CHANGED)
        for (const listener of this.accessListeners) listener()
    })
    this.provider.on('closed', ({ code, reason }) => {
      // y-websocket has stopped reconnecting already; make sure nothing restarts it.
      this.provider.shouldConnect = false
      if (code === CLOSE_FORBIDDEN) {
        this.setConnection('closed')
        for (const listener of this.refusalListeners) listener({ reason })
        return
      }
      if (code === CLOSE_UNAUTHORIZED) reportUnauthorized()
      this.setConnection(code === CLOSE_NOT_FOUND ? 'notFound' : 'closed')
    })
  }

  get connectionState(): ConnectionState {
    return this.connection
  }

  /** Back online with changes made meanwhile that the server has not confirmed yet. */
  get isCatchingUp(): boolean {
    return this.isCatchingUpNow
  }

  /**
   * Whether the document has been received from the server at least once. It stays true through
   * reconnects: the grid keeps working on the local copy, and Yjs merges when the socket is back.
   */
  get hasSynced(): boolean {
    return this.hasSyncedOnce
  }

  /** Notified when the connection state changes or the document first arrives. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Notified when the server refused an update and closed the socket. The local doc now holds
   * a change the server will never accept: the owner must drop this session and open a new one.
   */
  onRefused(listener: (refusal: Refusal) => void): () => void {
    this.refusalListeners.add(listener)
    return () => this.refusalListeners.delete(listener)
  }

  /**
   * Notified when the server dropped the socket because the user's role in the project changed
   * (y-websocket reconnects under the new role); the page must learn that role again.
   */
  onAccessChanged(listener: () => void): () => void {
    this.accessListeners.add(listener)
    return () => this.accessListeners.delete(listener)
  }

  setActiveSegment(segmentId: string | null): void {
    this.provider.awareness.setLocalStateField('segmentId', segmentId)
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('online', this.onOnline)
    this.unsent.destroy()
    this.provider.destroy()
    this.doc.destroy()
    this.listeners.clear()
    this.refusalListeners.clear()
    this.accessListeners.clear()
  }

  private get isEnded(): boolean {
    return this.connection === 'notFound' || this.connection === 'closed'
  }

  // The browser knows before the socket does: a socket over a vanished network can stay
  // "open" until y-websocket's 30 s timeout, while the user keeps typing.
  private readonly onOffline = (): void => {
    if (this.isEnded) return
    this.provider.disconnect()
    this.setConnection('offline')
  }

  private readonly onOnline = (): void => {
    if (this.connection !== 'offline') return
    this.setConnection(this.hasConnected ? 'reconnecting' : 'connecting')
    this.provider.connect()
  }

  private setConnection(next: ConnectionState): void {
    if (next === this.connection) return
    this.connection = next
    this.notify()
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}
