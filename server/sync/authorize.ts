import type * as Y from 'yjs'
import type { DecodedUpdate } from './protocol.ts'

/** Who sent an update. Authentication (server/auth) will add the user and their role. */
export interface Peer {
  connectionId: string
}

/** An update a peer wants to apply, judged against the room's current document. */
export interface ProposedChange {
  documentId: string
  /** The room's document before the update; read it, never change it. */
  doc: Y.Doc
  update: DecodedUpdate
}

/**
 * What happens to a proposed update, always as a whole (never filtered):
 * `accept` stores and applies it; `ignore` drops it and keeps the connection (read-only
 * peers); `reject` drops it and closes the connection as Forbidden.
 */
export type Decision =
  { kind: 'accept' } | { kind: 'ignore'; reason: string } | { kind: 'reject'; reason: string }

/** Judges an update before it is stored. Runs inside the room's queue, so `doc` is current. */
export type Authorize = (peer: Peer, change: ProposedChange) => Decision

export const acceptAll: Authorize = () => ({ kind: 'accept' })
