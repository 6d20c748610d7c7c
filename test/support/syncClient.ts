import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'

export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the provider has received the server's SyncStep2. */
  synced(): Promise<void>
  destroy(): void
}

export function syncUrl(serverUrl: string): string {
  return serverUrl.replace(/^http/, 'ws') + '/sync'
}

/** A real y-websocket provider in Node, the way the browser client connects. */
export function connectClient(
  serverUrl: string,
  documentId: string,
  doc = new Y.Doc(),
): SyncClient {
  const provider = new WebsocketProvider(syncUrl(serverUrl), documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // In Node, lib0's BroadcastChannel stand-in would sync clients of one process directly,
    // bypassing the server under test.
    disableBc: true,
    maxBackoffTime: 300,
  })
  return {
    doc,
    provider,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const onSync = (isSynced: boolean) => {
              if (!isSynced) return
              provider.off('sync', onSync)
              resolve()
            }
            provider.on('sync', onSync)
          }),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export interface RawSocket {
  socket: WebSocket
  opened: Promise<void>
  /** The close code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>
  /** Every binary message received, in order. */
  received: Uint8Array[]
}

/** A bare WebSocket on a document's sync URL, for sending bytes no provider would send. */
export function openRawSocket(serverUrl: string, documentId: string): RawSocket {
  const socket = new WebSocket(`${syncUrl(serverUrl)}/${encodeURIComponent(documentId)}`)
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return { socket, opened, closed, received }
}
