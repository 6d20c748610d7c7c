/*
 * Which approvals each connection has not been shown yet, so that keystrokes a translator sent
 * before their client could know of an approval are kept in the approved text instead of being
 * refused (and lost with the refusal: the client discards a refused copy).
 *
 * A Yjs text edit says nothing about what its author had seen of other keys: its origins name
 * neighbouring letters only, never the status write that locked the segment. The socket's order
 * does. After applying an approval the room sends each other connection the approval update and
 * then a SyncStep1; a client handles messages in order and answers every SyncStep1 with a
 * SyncStep2 (y-protocols does so in the same handler). So whatever a connection sends before
 * that answer was sent before its client had applied the approval, and whatever arrives after
 * the answer was sent by a client that had the approval in its document, whose editor is then
 * read-only. The room counts the SyncStep1s it sent to a connection and the SyncStep2s it got
 * back (answers come in the order of the questions); the approval is "seen" once the answer
 * to the SyncStep1 sent right after it has arrived.
 *
 * What a client can do with this: nothing it could not do by typing a little earlier. An extra,
 * unasked SyncStep2 only closes its own windows sooner. A client that never answers keeps a
 * window open until `APPROVAL_GRACE_MS` has passed since the approval, after which the approval
 * counts as seen whatever the client says.
 */

/** How long after an approval a connection that has not answered may still add its typing. */
export const APPROVAL_GRACE_MS = 10_000

interface UnseenApproval {
  /** The number of the SyncStep2 answer that shows the approval was applied. */
  answer: number
  /** After this (ms since the epoch) the approval counts as seen, answered or not. */
  until: number
  /** Whether target edits of this connection were accepted in the window. */
  hasLateEdits: boolean
}

interface ConnectionWindows {
  asked: number
  answered: number
  unseen: Map<string, UnseenApproval>
}

export class ApprovalWindows<Connection extends object> {
  private readonly byConnection = new WeakMap<Connection, ConnectionWindows>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Call each time a SyncStep1 is sent to `connection`. */
  asked(connection: Connection): void {
    this.windowsOf(connection).asked++
  }

  /**
   * Call when `connection`'s SyncStep2 arrives, before judging what it carries. Returns the
   * segments whose window this answer closed after edits were accepted in it.
   */
  answered(connection: Connection): string[] {
    const windows = this.windowsOf(connection)
    windows.answered++
    const closedWithEdits: string[] = []
    for (const [segmentId, approval] of windows.unseen) {
      // Expired windows stay until an answer or the end of the connection, which report them.
      if (approval.answer > windows.answered && approval.until >= this.now()) continue
      windows.unseen.delete(segmentId)
      if (approval.hasLateEdits) closedWithEdits.push(segmentId)
    }
    return closedWithEdits
  }

  /**
   * The segments approved while `connection` was open that it has not been shown yet. Call
   * `asked` for the SyncStep1 sent right after the approval *before* calling this: the window
   * closes with the answer to that question.
   */
  approved(connection: Connection, segmentIds: readonly string[]): void {
    const windows = this.windowsOf(connection)
    const until = this.now() + APPROVAL_GRACE_MS
    for (const segmentId of segmentIds) {
      windows.unseen.set(segmentId, { answer: windows.asked, until, hasLateEdits: false })
    }
  }

  /** The approved segments `connection` may still add its earlier typing to. */
  unseenBy(connection: Connection): ReadonlySet<string> {
    const windows = this.byConnection.get(connection)
    if (windows === undefined || windows.unseen.size === 0) return NONE
    const now = this.now()
    const open = new Set<string>()
    for (const [segmentId, approval] of windows.unseen) {
      if (approval.until >= now) open.add(segmentId)
    }
    return open
  }

  /** Call when `connection` left; returns the segments it had added late typing to. */
  left(connection: Connection): string[] {
    const windows = this.byConnection.get(connection)
    this.byConnection.delete(connection)
    if (windows === undefined) return []
    return [...windows.unseen].flatMap(([segmentId, approval]) =>
      approval.hasLateEdits ? [segmentId] : [],
    )
  }

  /** Notes that target edits of `connection` to these approved segments were accepted. */
  lateEdits(connection: Connection, segmentIds: readonly string[]): void {
    const windows = this.byConnection.get(connection)
    for (const segmentId of segmentIds) {
      const approval = windows?.unseen.get(segmentId)
      if (approval) approval.hasLateEdits = true
    }
  }

  private windowsOf(connection: Connection): ConnectionWindows {
    let windows = this.byConnection.get(connection)
    if (windows === undefined) {
      windows = { asked: 0, answered: 0, unseen: new Map() }
      this.byConnection.set(connection, windows)
    }
    return windows
  }
}

const NONE: ReadonlySet<string> = new Set()
