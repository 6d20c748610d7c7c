// A bench client that speaks the y-websocket protocol on a bare socket: it types into a Y.Doc
// of its own and sends each change as a provider would, but of what it receives it reads only
// which client's edits (and up to which clock) arrived, never applying them. A provider
// applies every peer's edit to its Y.Doc: fifty of them on one document spend this process's
// one core on that long before a server under test is busy, so the ramps would measure the
// bench, not the server. Each peer types into its own segment, so its document, without the
// others' edits, still holds everything its own edits build on.
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  MessageType,
  SyncType,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '../../../server/sync/protocol.ts'
import type { Session } from '../../support/accounts.ts'
import { syncUrl } from '../../support/syncClient.ts'
import type { Peer } from './editLoad.ts'

export interface Arrivals {
  /** `clientId`'s edits with clocks from `from` up to `to` (exclusive) reached this peer. */
  received(clientId: number, from: number, to: number): void
}

/**
 * Connects as `session` with a document holding `state` (the document as joined), answers the
 * handshake as a provider does, and resolves once the server's SyncStep2 has arrived.
 */
export function connectSocketPeer(
  serverUrl: string,
  documentId: string,
  session: Session | null,
  state: Uint8Array,
  arrivals: Arrivals,
): Promise<Peer> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {}
  const socket = new WebSocket(`${syncUrl(serverUrl)}/${encodeURIComponent(documentId)}`, {
    headers,
  })
  socket.binaryType = 'nodebuffer'
  const closeListeners: Array<(code: number) => void> = []
  let destroyed = false
  const send = (message: Uint8Array) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(message)
  }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') send(writeUpdate(update))
  })
  const peer: Peer = {
    doc,
    applies: false,
    onClose: (listener) => closeListeners.push(listener),
    destroy() {
      destroyed = true
      socket.close()
      doc.destroy()
    },
  }
  return new Promise((resolve, reject) => {
    socket.on('open', () => send(writeSyncStep1(doc)))
    socket.on('error', (error) => {
      if (!destroyed) reject(error)
    })
    socket.on('close', (code) => {
      if (destroyed) return
      for (const listener of closeListeners) listener(code)
      reject(new Error(`${documentId}: the server closed the socket (${code})`))
    })
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return // awareness: not measured
      const type = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (type === SyncType.Step1) {
        // What the server lacks of this peer's document: nothing until it types.
        send(writeSyncStep2(doc, payload))
        return
      }
      if (type === SyncType.Step2) resolve(peer)
      const { from, to } = Y.parseUpdateMeta(payload)
      for (const [clientId, end] of to) arrivals.received(clientId, from.get(clientId) ?? 0, end)
    })
  })
}
