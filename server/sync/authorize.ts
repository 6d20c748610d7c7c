import type * as Y from 'yjs'
import type { ActingRole } from '@qalam/shared/workflow'
import type { DecodedUpdate } from './protocol.ts'
import type { ContentLimits, StatusChange } from './validation/index.ts'

/** Who sent an update: one authenticated connection, with the role it holds in the project. */
export interface Peer {
  connectionId: string
  userId: string
  role: ActingRole
  /** The project the document belongs to, for the audit log. */
  projectId: string
}

/** An update a peer wants to apply, judged against the room's current document. */
export interface ProposedChange {
  documentId: string
  /** The room's document before the update; read it, never change it. */
  doc: Y.Doc
  update: DecodedUpdate
  /** The sender's own Yjs client id, once its awareness or an earlier update has shown it. */
  senderClientId: number | null
  limits: ContentLimits
  /** Characters of target text in the document before the update. */
  documentTargetChars(): number
  /** Segments approved since the sender last heard from the room (server/sync/ApprovalWindows.ts). */
  unseenApprovals: ReadonlySet<string>
}

/**
 * What happens to a proposed update, always as a whole (never filtered):
 * `accept` stores and applies it (and names the status moves it makes, for the audit log);
 * `ignore` drops it and keeps the connection (read-only peers); `resync` drops it, keeps the
 * connection and asks the peer for everything the room lacks (an update that builds on
 * changes not received yet: the answer brings them together); `reject` drops it and closes
 * the connection as Forbidden, with `reason` (a short code) as the close reason.
 */
export type Decision =
  | {
      kind: 'accept'
      statusChanges: StatusChange[]
      targetCharsDelta: number
      /** Approved segments this update adds typing to that was sent before the lock. */
      lateEdits: readonly string[]
    }
  | { kind: 'ignore'; reason: string }
  | { kind: 'resync'; reason: string }
  | { kind: 'reject'; reason: string; detail: string }

/** Judges an update before it is stored. Runs inside the room's queue, so `doc` is current. */
export type Authorize = (peer: Peer, change: ProposedChange) => Decision

/** Accepts everything: only for tests of the room and the benchmark's "validation off" side. */
export const acceptAll: Authorize = () => ({
  kind: 'accept',
  statusChanges: [],
  targetCharsDelta: 0,
  lateEdits: [],
})
