import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { claimedUserIds } from '@qalam/shared/presence'
import { readAwarenessState } from './awarenessGate.ts'
import { CloseCode } from './closeCodes.ts'
import type { AwarenessEntry } from './protocol.ts'
import { writeAwareness } from './protocol.ts'
import type { RoomConnection } from './Room.ts'

/** Why an awareness message closes its connection. */
export interface AwarenessRefusal {
  code: CloseCode
  reason: string
  detail: string
}

/**
 * The awareness of one room, where each connection controls exactly one client id: its own.
 * The first id a connection names (in its first awareness message, which y-websocket sends
 * alone on opening, or through its first update) is bound to it; from then on the server reads
 * only that entry of its messages. y-websocket echoes every state it receives, so the other
 * entries are not refused but skipped unread: nobody can write someone else's state, and what
 * the room keeps and relays per connection is one state of at most 4 KB.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  private readonly ownerOf = new Map<number, RoomConnection>()
  private readonly clientOf = new Map<RoomConnection, number>()

  constructor(
    doc: Y.Doc,
    private readonly relay: (message: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server has no cursor of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.broadcast)
  }

  /** The client id the connection has shown to be its own, if any yet. */
  clientIdOf(connection: RoomConnection): number | null {
    return this.clientOf.get(connection) ?? null
  }

  /**
   * Binds `clientId` to the connection. A reconnecting client may find its previous socket
   * not yet dropped: the same user takes its id over; anyone else is refused.
   */
  claim(connection: RoomConnection, clientId: number): AwarenessRefusal | null {
    const own = this.clientOf.get(connection)
    if (own !== undefined) {
      return own === clientId
        ? null
        : refusal(CloseCode.Forbidden, 'awareness_foreign_client', `${clientId} is not ${own}`)
    }
    const owner = this.ownerOf.get(clientId)
    if (owner && owner !== connection) {
      if (owner.peer.userId !== connection.peer.userId) {
        return refusal(
          CloseCode.Forbidden,
          'awareness_foreign_client',
          `client ${clientId} belongs to another connection`,
        )
      }
      this.clientOf.delete(owner)
    }
    this.ownerOf.set(clientId, connection)
    this.clientOf.set(connection, clientId)
    return null
  }

  receive(connection: RoomConnection, entries: readonly AwarenessEntry[]): AwarenessRefusal | null {
    let own = this.clientOf.get(connection)
    if (own === undefined) {
      // Only a message naming one client can say whose it is; an echo cannot come first.
      if (entries.length !== 1) return null
      const claimed = this.claim(connection, entries[0]!.clientId)
      if (claimed) return claimed
      own = entries[0]!.clientId
    }
    const mine = entries.filter((entry) => entry.clientId === own)
    if (mine.length === 0) return null
    if (mine.length > 1) {
      return refusal(CloseCode.BadMessage, 'awareness_invalid', `client ${own} named twice`)
    }
    const entry = mine[0]!
    const reading = readAwarenessState(entry.stateJson)
    if (!reading.ok) return refusal(CloseCode.BadMessage, 'awareness_invalid', reading.detail)
    const userId = connection.peer.userId
    if (reading.state && claimedUserIds(reading.state).some((id) => id !== userId)) {
      return refusal(CloseCode.Forbidden, 'awareness_identity', 'state names another user')
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeEntry(entry.clientId, entry.clock, reading.state),
      connection,
    )
    return null
  }

  leave(connection: RoomConnection): void {
    const own = this.clientOf.get(connection)
    this.clientOf.delete(connection)
    if (own === undefined || this.ownerOf.get(own) !== connection) return
    this.ownerOf.delete(own)
    awarenessProtocol.removeAwarenessStates(this.awareness, [own], null)
  }

  /** Everyone's current state, for a client that joins or asks; null when nobody has one. */
  encodeAll(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return null
    return writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  destroy(): void {
    this.awareness.off('update', this.broadcast)
    this.awareness.destroy()
  }

  private readonly broadcast = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    const changed = [...added, ...updated, ...removed]
    this.relay(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)))
  }
}

function refusal(code: CloseCode, reason: string, detail: string): AwarenessRefusal {
  return { code, reason, detail }
}

/** One entry as y-protocols encodes it, from a state the schema has already checked. */
function encodeEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(state))
  return encoding.toUint8Array(encoder)
}
