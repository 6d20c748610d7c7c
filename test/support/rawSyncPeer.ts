import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { Session } from './accounts.ts'
import { openRawSocket, type RawSocket } from './syncClient.ts'

const MESSAGE_SYNC = 0

/**
 * A client that speaks the y-websocket protocol by hand over a bare socket, with a real
 * session: it syncs like a provider, then sends whatever update a test crafts, bytes no
 * honest editor would produce included.
 */
export interface RawSyncPeer {
  doc: Y.Doc
  raw: RawSocket
  /** Resolves once the server's document has arrived (its SyncStep2). */
  synced: Promise<void>
  /** Applies `change` to the local copy and sends exactly the update it produced. */
  send(change: (doc: Y.Doc) => void): Uint8Array
  close(): void
}

const REMOTE = Symbol('remote')

export function connectRawPeer(
  serverUrl: string,
  documentId: string,
  session: Session,
): RawSyncPeer {
  const doc = new Y.Doc()
  const raw = openRawSocket(serverUrl, documentId, session)
  let onSynced: () => void
  const synced = new Promise<void>((resolve) => (onSynced = resolve))

  raw.socket.on('open', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    raw.socket.send(encoding.toUint8Array(encoder))
  })
  raw.socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // awareness: not needed here
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MESSAGE_SYNC)
    const kind = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE)
    if (kind === syncProtocol.messageYjsSyncStep2) onSynced()
    if (encoding.length(reply) > 1) raw.socket.send(encoding.toUint8Array(reply))
  })

  return {
    doc,
    raw,
    synced,
    send(change) {
      const updates: Uint8Array[] = []
      const collect = (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) updates.push(update)
      }
      doc.on('update', collect)
      doc.transact(() => change(doc))
      doc.off('update', collect)
      const update = Y.mergeUpdates(updates)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      raw.socket.send(encoding.toUint8Array(encoder))
      return update
    },
    close() {
      raw.socket.close()
      doc.destroy()
    },
  }
}
