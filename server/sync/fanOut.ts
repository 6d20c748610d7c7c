/**
 * The seam between a room and the other server processes that have the same document open
 * (server/pubsub implements it over Redis). Without one, a room is the document's only copy
 * in memory, as with SQLite alone.
 */

/** An update another process stored, as it announces it: where it sits in the log. */
export interface StoredUpdate {
  documentId: string
  /** Its sequence number in the document's log. */
  seq: number
  /** The sequence number of the update before it in the log (or of the snapshot). */
  prevSeq: number
  /**
   * The update itself; null for a bare announcement that the log reaches `seq` (a process
   * back from a Redis outage says so), which peers behind it read from the store.
   */
  bytes: Uint8Array | null
  /** Wall-clock ms when the origin's store confirmed it, for the lag between processes. */
  storedAt: number
  /** Segments the update approved: the receiving room opens approval windows for them. */
  approved: string[]
}

/** What the fan-out may ask of an open room. */
export interface FanOutRoom {
  readonly documentId: string
  /** Applies an update another process stored, in log order (reading gaps from the store). */
  receiveStored(update: StoredUpdate): void
  /** Reads whatever the log holds past what the room has applied, then applies it. */
  catchUp(): void
  /** An awareness update (y-protocols encoding) relayed from the process `processId`. */
  receiveRemoteAwareness(processId: string, update: Uint8Array): void
  /** The process is gone: the states its clients had are removed. */
  forgetProcess(processId: string): void
  /** The awareness states of this process's own connections; null when there are none. */
  localAwareness(): Uint8Array | null
  /** The sequence number the room has applied up to. */
  readonly appliedSeq: number
}

/** The other processes, as a room sees them. Every method returns at once and never throws. */
export interface RoomFanOut {
  /** The room has loaded: follow its document, then have it catch up once following. */
  open(room: FanOutRoom): void
  /** The room unloads. */
  close(room: FanOutRoom): void
  /** Announces an update this process stored and applied. */
  publishUpdate(update: StoredUpdate): void
  /** Relays an awareness update of this process's own connections. */
  publishAwareness(documentId: string, update: Uint8Array): void
}
