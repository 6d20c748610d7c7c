import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import type { Session } from './accounts.ts'

export interface ConnectOptions {
  /** Whose session the socket carries (its cookie header); none when absent. */
  session?: Session | null
  /** An `Origin` header, as a browser would send; none when absent (a non-browser client). */
  origin?: string
  doc?: Y.Doc
}

/** `ws`'s WebSocket with the handshake headers a browser would add (cookie, origin). */
function webSocketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
}

function handshakeHeaders(options: ConnectOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  if (options.session) headers.cookie = options.session.cookie
  if (options.origin !== undefined) headers.origin = options.origin
  return headers
}

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

/**
 * A real y-websocket provider in Node, the way the browser client connects, logged in as
 * `options.session` (a Session alone is accepted as the options).
 */
export function connectClient(
  serverUrl: string,
  documentId: string,
  options: ConnectOptions | Session = {},
): SyncClient {
  const connect: ConnectOptions = 'cookie' in options ? { session: options } : options
  const doc = connect.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(syncUrl(serverUrl), documentId, doc, {
    WebSocketPolyfill: webSocketWith(
      handshakeHeaders(connect),
    ) as unknown as typeof globalThis.WebSocket,
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
export function openRawSocket(
  serverUrl: string,
  documentId: string,
  options: ConnectOptions | Session = {},
): RawSocket {
  const connect: ConnectOptions = 'cookie' in options ? { session: options } : options
  const socket = new WebSocket(`${syncUrl(serverUrl)}/${encodeURIComponent(documentId)}`, {
    headers: handshakeHeaders(connect),
  })
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
