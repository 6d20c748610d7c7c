import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
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
  /** Client ids whose states came from other server processes, by process. */
  private readonly remoteClients = new Map<string, Set<number>>()

  constructor(
    doc: Y.Doc,
    private readonly relay: (message: Uint8Array) => void,
    /** Told each change to this process's own connections' states, for the other processes. */
    private readonly publish: (update: Uint8Array) => void = () => undefined,
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

  /** Applies states relayed by another process; their clients are that process's to remove. */
  receiveRemote(processId: string, update: Uint8Array): void {
    let clients = this.remoteClients.get(processId)
    if (!clients) this.remoteClients.set(processId, (clients = new Set()))
    for (const { clientId, isRemoval } of listAwarenessEntries(update)) {
      if (isRemoval) clients.delete(clientId)
      else clients.add(clientId)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE)
  }

  /** The process died: whatever states it had relayed go, and everyone here is told. */
  forgetProcess(processId: string): void {
    const clients = this.remoteClients.get(processId)
    this.remoteClients.delete(processId)
    if (!clients || clients.size === 0) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], REMOTE)
  }

  /** The states of this process's own connections; null when there are none. */
  encodeLocal(): Uint8Array | null {
    const clients = [...this.ownerOf.keys()].filter((id) => this.awareness.getStates().has(id))
    if (clients.length === 0) return null
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
  }

  destroy(): void {
    this.awareness.off('update', this.broadcast)
    this.awareness.destroy()
  }

  private readonly broadcast = (
    {
      added,
      updated,
      removed,
    }: {
      added: number[]
      updated: number[]
      removed: number[]
    },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    this.relay(writeAwareness(update))
    if (origin !== REMOTE) this.publish(update)
  }
}

/** The origin of states another process relayed: never relayed back. */
const REMOTE = Symbol('remote awareness')

/** Which clients an awareness update (y-protocols encoding) sets, and which it removes. */
function listAwarenessEntries(update: Uint8Array): { clientId: number; isRemoval: boolean }[] {
  const decoder = decoding.createDecoder(update)
  const entries: { clientId: number; isRemoval: boolean }[] = []
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // clock
    entries.push({ clientId, isRemoval: decoding.readVarString(decoder) === 'null' })
  }
  return entries
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
