import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { LocalUser } from '../presence/identity.ts'

/** What the socket of an open document is doing, as the header shows it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'notFound' | 'closed'

// Close codes the server uses for a permanent refusal (server/sync/closeCodes.ts).
const CLOSE_NOT_FOUND = 4404

/**
 * One open document: its Y.Doc and the one WebSocket provider that syncs it. Every editor of
 * the document shares this provider; nothing else may open a socket for the document.
 */
export class DocumentSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private connection: ConnectionState = 'connecting'
  private hasConnected = false
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly documentId: string,
    user: LocalUser,
    origin: string = location.origin,
  ) {
    this.provider = new WebsocketProvider(
      origin.replace(/^http/, 'ws') + '/sync',
      documentId,
      this.doc,
    )
    this.provider.awareness.setLocalState({ user, segmentId: null })
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.hasConnected = true
      if (status === 'connected') this.setConnection('connected')
      else if (this.connection !== 'notFound' && this.connection !== 'closed')
        this.setConnection(this.hasConnected ? 'reconnecting' : 'connecting')
    })
    this.provider.on('closed', ({ code }) => {
      this.setConnection(code === CLOSE_NOT_FOUND ? 'notFound' : 'closed')
    })
  }

  get connectionState(): ConnectionState {
    return this.connection
  }

  get isSynced(): boolean {
    return this.provider.synced
  }

  /** Notified when the connection state or the first sync changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    const onSync = () => listener()
    this.provider.on('sync', onSync)
    return () => {
      this.listeners.delete(listener)
      this.provider.off('sync', onSync)
    }
  }

  setActiveSegment(segmentId: string | null): void {
    this.provider.awareness.setLocalStateField('segmentId', segmentId)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private setConnection(next: ConnectionState): void {
    if (next === this.connection) return
    this.connection = next
    for (const listener of this.listeners) listener()
  }
}
