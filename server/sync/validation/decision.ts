import type { SegmentStatus } from '@qalam/shared/model'
import type { ActingRole } from '@qalam/shared/workflow'

/** Who sent an update, as the connection was authenticated. */
export interface Actor {
  role: ActingRole
  userId: string
  /** The sender's own Yjs client id, once its connection has told it (awareness, updates). */
  clientId?: number | null
}

/** Why an update was refused; one code per rule, so clients and logs can name it. */
export type RejectionCode =
  /** The bytes are not a Yjs update, or reference themselves in a way Yjs cannot integrate. */
  | 'malformed'
  /** The update builds on structs the server has never seen; the sender must resync first. */
  | 'unknown_dependency'
  /** The sender's role may not write at all (viewer, manager). */
  | 'read_only'
  /** A top-level shared type other than the document model's. */
  | 'unknown_root'
  /** The document's meta map is written only by the server. */
  | 'meta_write'
  | 'segment_inserted'
  | 'segment_deleted'
  /** `id`, `source`, `paragraph` or `before` written or removed. */
  | 'immutable_field'
  /** A segment's target replaced, or a segment key removed without a new value. */
  | 'segment_structure'
  /** Anything the model does not define: unknown keys, subdocuments, list content in maps. */
  | 'outside_model'
  | 'invalid_value'
  /** `updatedBy` names someone other than the sender. */
  | 'forged_author'
  /** A key only reviewers write (the review note), written or removed by someone else. */
  | 'reviewer_only'
  /** An element added to a segment's suggestions: only the server adds them. */
  | 'suggestion_added'
  /** A status change the sender's role may not make. */
  | 'status_transition'
  /** A change to an approved segment that is not being reopened in the same update. */
  | 'segment_locked'
  /** Structs that start after what the room has of their client: Yjs would hold them pending. */
  | 'clock_gap'
  /** A GC or Skip struct for a client id other than the sender's own. */
  | 'foreign_gc'
  /** A struct whose clock passes 2^31. */
  | 'clock_overflow'
  /** More structs, elements and delete ranges in one update than `maxUpdateItems`. */
  | 'update_too_large'
  /** Inside a target: a node type the model does not list, or a non-Lexical shared type. */
  | 'unknown_node'
  /** A tag node in a target naming a tag the segment's list does not have. */
  | 'unknown_tag'
  /** Inside a target: a type nested deeper than inline nodes inside blocks. */
  | 'target_depth'
  /** Inside a target: text or nodes where Lexical puts none, a node without its type, odd properties. */
  | 'invalid_node'
  /** A segment's target would pass `maxSegmentChars` characters or `maxSegmentNodes` nodes. */
  | 'segment_too_long'
  /** The document's targets would pass `maxDocumentChars` characters. */
  | 'document_too_long'

/** A status move an accepted update makes, for the audit log. */
export interface StatusChange {
  segmentId: string
  from: SegmentStatus
  to: SegmentStatus
  /** The review note written with a rejection. */
  reason?: string
}

export type Decision =
  | {
      ok: true
      statusChanges: StatusChange[]
      /** How many characters of target text the update adds (negative: removes) in all. */
      targetCharsDelta: number
      /** Approved segments whose target this update edits with typing sent before the lock. */
      lateEdits: string[]
    }
  | { ok: false; reason: RejectionCode; detail: string }

export function reject(reason: RejectionCode, detail: string): Decision {
  return { ok: false, reason, detail }
}
