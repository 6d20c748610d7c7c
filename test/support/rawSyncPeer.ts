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
  /** Applies `change` to the local copy and returns its update, without sending it. */
  record(change: (doc: Y.Doc) => void): Uint8Array
  /** Sends `update` as an Update message, whatever it holds. */
  sendUpdate(update: Uint8Array): void
  /**
   * Holds what the server sends unread, as a client whose network is slow in that direction:
   * the local copy stays as it was, and no SyncStep1 is answered, until `resume`.
   */
  pause(): void
  /** Reads what was held, in order, then goes on reading as it arrives. */
  resume(): void
  close(): void
}

export interface RawPeerOptions {
  /**
   * Whether the peer answers the server's SyncStep1 with everything it has, as y-websocket
   * does when the server asks it to resync. An attacker need not.
   */
  answersResync?: boolean
}

const REMOTE = Symbol('remote')

export function connectRawPeer(
  serverUrl: string,
  documentId: string,
  session: Session,
  { answersResync = true }: RawPeerOptions = {},
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
  let held: Buffer[] | null = null
  const read = (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // awareness: not needed here
    if (!answersResync && decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep1) return
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MESSAGE_SYNC)
    const kind = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE)
    if (kind === syncProtocol.messageYjsSyncStep2) onSynced()
    if (encoding.length(reply) > 1) raw.socket.send(encoding.toUint8Array(reply))
  }
  raw.socket.on('message', (data: Buffer) => {
    if (held === null) read(data)
    else held.push(data)
  })

  const record = (change: (doc: Y.Doc) => void) => {
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) updates.push(update)
    }
    doc.on('update', collect)
    doc.transact(() => change(doc))
    doc.off('update', collect)
    return Y.mergeUpdates(updates)
  }
  const sendUpdate = (update: Uint8Array) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    raw.socket.send(encoding.toUint8Array(encoder))
  }

  return {
    doc,
    raw,
    synced,
    record,
    sendUpdate,
    pause() {
      held ??= []
    },
    resume() {
      const messages = held ?? []
      held = null
      for (const data of messages) read(data)
    },
    send(change) {
      const update = record(change)
      sendUpdate(update)
      return update
    },
    close() {
      raw.socket.close()
      doc.destroy()
    },
  }
}
