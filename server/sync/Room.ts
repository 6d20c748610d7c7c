import * as Y from 'yjs'
import {
  SERVER_ORIGIN,
  isTransactionOrigin,
  segmentAt,
  segmentCount,
  segmentId,
  segmentStatus,
  type DocumentProgress,
  type TransactionOrigin,
} from '@qalam/shared/model'
import type { Logger } from '../logging/index.ts'
import {
  replayDocument,
  type DocumentStore,
  type LoadedDocument,
  type LogTail,
} from '../storage/index.ts'
import { ApprovalWindows } from './ApprovalWindows.ts'
import { acceptAll, type Authorize, type Decision, type Peer } from './authorize.ts'
import { CloseCode } from './closeCodes.ts'
import type { FanOutRoom, RoomFanOut, StoredUpdate } from './fanOut.ts'
import {
  isEmptyStateVector,
  writeSyncStep1,
  writeSyncStep2,
  writeSyncStep2Update,
  writeUpdate,
  type ClientMessage,
  type DecodedUpdate,
} from './protocol.ts'
import type { LateTypingRecorder, StatusChangesRecorder } from './recordStatusChanges.ts'
import { RoomAwareness } from './RoomAwareness.ts'
import { RoomProgress } from './RoomProgress.ts'
import { RoomQueue, takeGroup, type QueuedUpdate } from './RoomQueue.ts'
import { INLINE_COMPACTION_BYTES, RoomCompaction } from './RoomCompaction.ts'
import { changesDocument } from './updateEffect.ts'
import {
  DEFAULT_CONTENT_LIMITS,
  documentTargetChars,
  soleNewClient,
  type ContentLimits,
} from './validation/index.ts'

/** The room's view of one client connection; the socket layer implements it. */
export interface RoomConnection {
  readonly peer: Peer
  send(message: Uint8Array): void
  close(code: CloseCode, reason: string): void
}

export interface RoomOptions {
  store: DocumentStore
  log: Logger
  /** Judges each update before it is stored; accepts everything by default. */
  authorize?: Authorize
  /** Told the status moves of each accepted update once it is stored and applied (audit log). */
  recordStatusChanges?: StatusChangesRecorder
  /**
   * Told which approved segments a connection added typing to that it sent before it saw the
   * approval, once that is over (its answer came, or it left), with the text as it now stands.
   */
  recordLateTyping?: LateTypingRecorder
  /** Fold the log into a snapshot after this many appended updates. */
  compactEveryUpdates: number
  /**
   * Replays a stored document into one update, for a compaction. The server runs it in its
   * worker pool: re-encoding a 1.4 MB document takes 13–37 ms, which the event loop (and
   * every room's queue) would otherwise wait for. Replays in this thread when absent.
   */
  encodeSnapshot?: (stored: LoadedDocument) => Promise<Uint8Array>
  /** Starts what `encodeSnapshot` runs in, ahead of a large document's first compaction. */
  prepareSnapshotEncoding?: () => void
  /**
   * A document up to this size (encoded) is folded from the room's own doc instead, which
   * costs less than the worker's round trip; `INLINE_COMPACTION_BYTES` unless set.
   */
  inlineCompactionBytes?: number
  /** Quiet time after the last change before progress is written to the store. */
  progressDelayMs: number
  /**
   * The document's export view, kept in the store at unload: an export while nobody has the
   * document open then reads it instead of replaying the whole document. None kept when absent
   * or when it answers null (a view too large to keep).
   */
  encodeExportView?: (doc: Y.Doc) => Promise<Uint8Array | null>
  /** What one update, segment and document may hold; the defaults unless configured. */
  limits?: ContentLimits
  /** The other server processes with this document open (Redis); absent when there are none. */
  fanOut?: RoomFanOut
  /** Told what happens to updates, for `/metrics`. */
  metrics?: SyncMetrics
}

/** What a room reports for `/metrics`. */
export interface SyncMetrics {
  updateAccepted(): void
  updateRefused(reason: string): void
  /** Seconds one judged append took in the store (its lock included). */
  storeLatency(seconds: number): void
  /** Seconds from another process's store confirming an update to this room applying it. */
  remoteLag(seconds: number): void
}

const PUBSUB_ORIGIN: TransactionOrigin = { kind: 'pubsub' }

type SyncMessage = Extract<ClientMessage, { kind: 'syncStep1' | 'syncStep2' }>

/** A queued update with what the judge said of it. */
interface JudgedUpdate extends QueuedUpdate {
  decision: Decision
}

type Accepted = Extract<Decision, { kind: 'accept' }>

function connectionOrigin(peer: Peer): TransactionOrigin {
  return { kind: 'connection', connectionId: peer.connectionId }
}

/**
 * One open document: its Y.Doc, the awareness of everyone in it, and their connections.
 * Sync messages from all connections run through one queue, so the order updates are stored
 * in is the order they are applied and broadcast in.
 */
export class Room implements FanOutRoom {
  private readonly presence: RoomAwareness
  private readonly connections = new Set<RoomConnection>()
  /** Connections whose updates were rejected: whatever they queued after that is dropped. */
  private readonly refused = new WeakSet<RoomConnection>()
  /** Approvals each connection has not been shown yet (see ApprovalWindows.ts). */
  private readonly approvalWindows = new ApprovalWindows<RoomConnection>()
  private readonly authorize: Authorize
  private readonly queue = new RoomQueue()
  private readonly progressCount: RoomProgress
  /**
   * The SyncStep2 for a client that has nothing yet (every fresh page load): the whole document,
   * encoded once instead of per client. Dropped on every change to the doc, so never stale.
   */
  private fullSyncStep2: Uint8Array | null
  /** Characters of target text in the doc, counted on first need, then kept by each update. */
  private targetChars: number | null = null
  private readonly compaction: RoomCompaction
  /** Set while the server changes the doc itself: that update is sent once it is stored. */
  private holdingBroadcast = false

  /** Use `createRoom`, which loads the document first. */
  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private lastSeq: number,
    private readonly options: RoomOptions,
    /** The document as stored when the room loaded it (snapshot and log). */
    stored: LoadedDocument,
  ) {
    // With an empty log the stored snapshot already is the whole document, ready to send.
    this.fullSyncStep2 = stored.updates.length === 0 ? writeSyncStep2Update(stored.snapshot) : null
    this.compaction = new RoomCompaction(
      {
        documentId,
        doc,
        appliedSeq: () => this.lastSeq,
        encodedWhole: (snapshot) => (this.fullSyncStep2 = writeSyncStep2Update(snapshot)),
      },
      {
        store: options.store,
        log: options.log,
        everyUpdates: options.compactEveryUpdates,
        encodeSnapshot: options.encodeSnapshot,
        prepareEncoding: options.prepareSnapshotEncoding,
        inlineBytes: options.inlineCompactionBytes ?? INLINE_COMPACTION_BYTES,
      },
      stored,
    )
    this.progressCount = new RoomProgress(documentId, doc, options)
    this.authorize = options.authorize ?? acceptAll
    this.presence = new RoomAwareness(
      doc,
      (message) => {
        for (const connection of this.connections) connection.send(message)
      },
      (update) => options.fanOut?.publishAwareness(documentId, update),
    )
    doc.on('update', this.broadcastUpdate)
  }

  get appliedSeq(): number {
    return this.lastSeq
  }

  get awareness(): RoomAwareness['awareness'] {
    return this.presence.awareness
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Live progress, recomputed only after the document changed. */
  progress(): DocumentProgress {
    return this.progressCount.current()
  }

  join(connection: RoomConnection): void {
    this.connections.add(connection)
    // The server asks first as well, so that the client sends what the server lacks.
    this.askSyncStep1(connection)
    const states = this.presence.encodeAll()
    if (states) connection.send(states)
  }

  leave(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return
    this.presence.leave(connection)
    const lateTyping = this.approvalWindows.left(connection)
    if (lateTyping.length > 0) {
      this.enqueue(connection, () => this.recordLateTyping(connection, lateTyping))
    }
  }

  receive(connection: RoomConnection, message: ClientMessage): void {
    switch (message.kind) {
      case 'awareness': {
        const refusal = this.presence.receive(connection, message.entries)
        if (!refusal) return
        this.options.log.warn('sync.awareness_refused', {
          documentId: this.documentId,
          connectionId: connection.peer.connectionId,
          userId: connection.peer.userId,
          reason: refusal.reason,
          detail: refusal.detail,
        })
        connection.close(refusal.code, refusal.reason)
        return
      }
      case 'queryAwareness': {
        const states = this.presence.encodeAll()
        if (states) connection.send(states)
        return
      }
      case 'update': {
        // Updates that arrive while the queue is busy wait in one group: judged one by one in
        // order, then stored in one transaction (one commit instead of one per update).
        this.queue.push(
          { connection, update: message.update },
          (batch) => this.receiveUpdates(batch),
          // Not the store (receiveUpdates answers that itself) but a fault of ours.
          (batch, error) => this.closeSenders(batch, error),
        )
        return
      }
      default:
        this.enqueue(connection, () => this.handleSync(connection, message))
    }
  }

  /**
   * Makes a change of the server's own (a review table's suggestions) in turn with the
   * clients' updates: stored before anyone is sent it, like theirs. `change` runs inside one
   * transaction and returns what the caller wants to know; it must not throw after writing.
   */
  changeAsServer<T>(change: (doc: Y.Doc) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.add((tail) =>
        tail.then(async () => {
          try {
            resolve(await this.applyServerChange(change))
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        }),
      )
    })
  }

  private async applyServerChange<T>(change: (doc: Y.Doc) => T): Promise<T> {
    const before = Y.encodeStateVector(this.doc)
    let result!: T
    // Applied with the broadcast held: the queue is ours until the store has the update, so no
    // client is sent anything in between, and nobody sees the change before it is stored.
    this.holdingBroadcast = true
    try {
      this.doc.transact(() => {
        result = change(this.doc)
      }, SERVER_ORIGIN)
    } finally {
      this.holdingBroadcast = false
    }
    const update = Y.encodeStateAsUpdate(this.doc, before)
    if (Y.decodeUpdate(update).structs.length === 0) return result
    // If the store fails, the room is ahead of it; the next compaction (at the latest the
    // unload) writes the whole state, so the change is kept, only later.
    this.lastSeq = await this.options.store.appendUpdate(this.documentId, update)
    const message = writeUpdate(update)
    for (const connection of this.connections) connection.send(message)
    this.compaction.appended(1, update.length)
    return result
  }

  /** Waits for queued updates, folds the log into a snapshot, saves progress, frees the doc. */
  async unload(): Promise<void> {
    this.options.fanOut?.close(this)
    await this.queue.drained()
    await this.compaction.finish()
    await this.keepExportView()
    await this.progressCount.save()
    this.presence.destroy()
    this.doc.destroy()
  }

  /** Best effort: without a current view, an export replays the stored document instead. */
  private async keepExportView(): Promise<void> {
    const encode = this.options.encodeExportView
    if (!encode) return
    // What the doc holds: the queue is drained and the fan-out closed, so it stays at this.
    const seq = this.lastSeq
    try {
      const view = await encode(this.doc)
      if (view) await this.options.store.saveExportView(this.documentId, seq, view)
    } catch (error) {
      this.options.log.error('sync.export_view_failed', { documentId: this.documentId, error })
    }
  }

  /** An update another process stored: applied in log order, after what is queued before it. */
  receiveStored(update: StoredUpdate): void {
    this.queue.add((tail) =>
      tail
        .then(() => this.applyStored(update))
        .catch((error: unknown) => {
          // The store could not be read for a gap: the next announcement or catch-up fills it.
          this.options.log.error('sync.remote_update_failed', {
            documentId: this.documentId,
            seq: update.seq,
            error,
          })
        }),
    )
  }

  catchUp(): void {
    this.queue.add((tail) =>
      tail
        .then(() => this.readTail())
        .catch((error: unknown) => {
          // As above: the log stays the truth, and the next update is judged after reading it.
          this.options.log.error('sync.catch_up_failed', { documentId: this.documentId, error })
        }),
    )
  }

  receiveRemoteAwareness(processId: string, update: Uint8Array): void {
    this.presence.receiveRemote(processId, update)
  }

  forgetProcess(processId: string): void {
    this.presence.forgetProcess(processId)
  }

  localAwareness(): Uint8Array | null {
    return this.presence.encodeLocal()
  }

  private async applyStored(update: StoredUpdate): Promise<void> {
    // Already applied (a duplicate, or read from the store while filling a gap).
    if (update.seq <= this.lastSeq) return
    if (update.bytes === null || update.prevSeq !== this.lastSeq) {
      // A gap: something before it was announced while we were not listening. The log has it.
      await this.readTail()
      return
    }
    this.applyFromLog(update.bytes)
    this.lastSeq = update.seq
    this.options.metrics?.remoteLag(Math.max(0, Date.now() - update.storedAt) / 1000)
    if (update.approved.length > 0) this.openApprovalWindows(null, update.approved)
  }

  private async readTail(): Promise<void> {
    const tail = await this.options.store.loadTail(this.documentId, this.lastSeq)
    // Deleted meanwhile: its connections are being closed (closeDocument).
    if (tail) this.applyTail(tail)
  }

  /**
   * Applies what other processes stored after `lastSeq`, as the log has it. Approvals in it
   * open approval windows here as an announced update's do: which way an update arrived
   * must not change how the typing after it is judged.
   */
  private applyTail(tail: LogTail): void {
    if (tail.snapshot === null && tail.updates.length === 0) return
    const wasApproved = this.approvedSegments()
    if (tail.snapshot) this.applyFromLog(tail.snapshot)
    for (const update of tail.updates) this.applyFromLog(update)
    this.lastSeq = Math.max(this.lastSeq, tail.lastSeq)
    const approved = [...this.approvedSegments()].filter((id) => !wasApproved.has(id))
    this.openApprovalWindows(null, approved)
  }

  private approvedSegments(): Set<string> {
    const approved = new Set<string>()
    for (let index = 0; index < segmentCount(this.doc); index++) {
      const segment = segmentAt(this.doc, index)!
      if (segmentStatus(segment) === 'approved') approved.add(segmentId(segment))
    }
    return approved
  }

  /** An update already in the log: applied and broadcast, neither stored nor announced again. */
  private applyFromLog(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, PUBSUB_ORIGIN)
    this.compaction.grew(update.length)
    // Recounted on next need: what the update added was not judged here.
    this.targetChars = null
  }

  private enqueue(connection: RoomConnection, task: () => Promise<void>): void {
    this.queue.add((tail) =>
      tail.then(task).catch((error: unknown) => {
        // Usually the store failed: the update was neither stored nor applied. Closing makes
        // the client reconnect and send it again in its SyncStep2, so nothing is lost, and the
        // queue goes on with the next message.
        this.options.log.error('sync.update_failed', {
          documentId: this.documentId,
          connectionId: connection.peer.connectionId,
          error,
        })
        connection.close(CloseCode.InternalError, 'server error')
      }),
    )
  }

  private async handleSync(connection: RoomConnection, message: SyncMessage): Promise<void> {
    if (this.refused.has(connection)) return
    if (message.kind === 'syncStep1') {
      connection.send(this.syncStep2For(message.stateVector))
      return
    }
    if (message.kind === 'syncStep2') {
      // The answer to a SyncStep1 of ours: everything the room had then, approvals included,
      // is in the client's document. Its content was made after that, so it is judged so.
      const lateTyping = this.approvalWindows.answered(connection)
      if (lateTyping.length > 0) await this.recordLateTyping(connection, lateTyping)
    }
    await this.receiveUpdates([{ connection, update: message.update }])
  }

  /**
   * Judges, stores and broadcasts queued updates, as many per store transaction as may share
   * one (see `takeGroup`). Store failures close the senders, as a failed message does.
   */
  private async receiveUpdates(queued: QueuedUpdate[]): Promise<void> {
    let rest = queued
    while (rest.length > 0) {
      rest = rest.filter(
        ({ connection, update }) =>
          !this.refused.has(connection) && changesDocument(this.doc, update),
      )
      const group = takeGroup(rest)
      if (group.length === 0) return
      let taken: number
      try {
        taken = await this.storeGroup(group)
      } catch (error) {
        // Usually the store failed: nothing of the group was stored or applied.
        this.closeSenders(group, error)
        taken = group.length
      }
      rest = rest.slice(taken)
    }
  }

  /**
   * Logs why queued updates were neither stored nor applied and closes their senders, who then
   * reconnect and send them again in their SyncStep2: nothing is lost, and the room goes on.
   */
  private closeSenders(queued: readonly QueuedUpdate[], error: unknown): void {
    this.options.log.error('sync.update_failed', {
      documentId: this.documentId,
      connectionIds: queued.map((item) => item.connection.peer.connectionId),
      error,
    })
    for (const { connection } of queued) connection.close(CloseCode.InternalError, 'server error')
  }

  /**
   * One transaction of the store: under the document's lock each update of the group is
   * judged against the doc as stored (the group's updates cannot build on one another), and
   * the accepted ones are appended. Only then are they applied and broadcast, in order.
   * Returns how many of the group it judged: it stops after one that moves a status, since
   * what follows is judged after the approval windows that opens.
   */
  private async storeGroup(group: QueuedUpdate[]): Promise<number> {
    const started = performance.now()
    const judged: JudgedUpdate[] = []
    let prevSeq = this.lastSeq
    const charsAtStart = this.targetChars
    let targetCharsBefore: number | null = null
    let taken = group.length
    const { seq } = await this.options.store
      .appendJudged(this.documentId, this.lastSeq, (tail) => {
        // The store may judge twice (first against the room as it is, then under the lock
        // with the tail): each time from the same start, the first time's counting undone.
        this.targetChars = charsAtStart
        this.applyTail(tail)
        prevSeq = this.lastSeq
        judged.length = 0
        taken = group.length
        targetCharsBefore = this.targetChars
        try {
          for (const [index, { connection, update }] of group.entries()) {
            // What the tail brought may already hold the update (the client sent it twice).
            if (!changesDocument(this.doc, update)) continue
            const decision = this.judge(connection, update)
            judged.push({ connection, update, decision })
            // The limits of the next ones count the characters this one adds.
            if (decision.kind === 'accept' && this.targetChars !== null)
              this.targetChars += decision.targetCharsDelta
            if (decision.kind === 'accept' && decision.statusChanges.length > 0) {
              taken = index + 1
              break
            }
          }
        } catch (error) {
          this.targetChars = targetCharsBefore
          throw error
        }
        const accepted = judged.flatMap(({ update, decision }) =>
          decision.kind === 'accept' ? [update.bytes] : [],
        )
        return { append: accepted.length > 0 ? accepted : null, verdict: null }
      })
      .catch((error: unknown) => {
        this.targetChars = targetCharsBefore
        throw error
      })
    this.options.metrics?.storeLatency((performance.now() - started) / 1000)
    const accepted: Array<{ item: JudgedUpdate; decision: Accepted }> = []
    for (const item of judged) {
      if (item.decision.kind === 'accept') accepted.push({ item, decision: item.decision })
      else this.refuse(item.connection, item.decision)
    }
    if (accepted.length === 0) return taken
    invariant(seq !== null, 'accepted updates were not stored')
    this.lastSeq = seq
    for (const { item, decision } of accepted)
      this.applyAccepted(item.connection, item.update, decision)
    const statusChanges = accepted.flatMap(({ decision }) => decision.statusChanges)
    const approved = statusChanges.flatMap((change) =>
      change.to === 'approved' ? [change.segmentId] : [],
    )
    this.options.fanOut?.publishUpdate({
      documentId: this.documentId,
      seq,
      prevSeq,
      bytes:
        accepted.length === 1
          ? accepted[0]!.item.update.bytes
          : Y.mergeUpdates(accepted.map(({ item }) => item.update.bytes)),
      storedAt: Date.now(),
      approved,
    })
    this.progressCount.moved(statusChanges)
    // Only the last accepted update can move a status: the group ends after it.
    const last = accepted.at(-1)!.item
    this.openApprovalWindows(last.connection, approved)
    if (statusChanges.length > 0) {
      await this.options.recordStatusChanges?.(last.connection.peer, {
        documentId: this.documentId,
        statusChanges,
        doc: this.doc,
      })
    }
    this.compaction.appended(
      accepted.length,
      accepted.reduce((sum, { item }) => sum + item.update.bytes.length, 0),
    )
    return taken
  }

  /** Applies a stored update and sends it to everyone but its sender. */
  private applyAccepted(
    connection: RoomConnection,
    update: DecodedUpdate,
    decision: Accepted,
  ): void {
    if (this.presence.clientIdOf(connection) === null) {
      const sole = soleNewClient(this.doc, update.structs)
      if (sole !== null) this.presence.claim(connection, sole)
    }
    Y.applyUpdate(this.doc, update.bytes, connectionOrigin(connection.peer))
    // The judge refused every gap, so nothing may be left for Yjs to integrate later.
    invariant(
      this.doc.store.pendingStructs === null && this.doc.store.pendingDs === null,
      'an accepted update left structs pending',
    )
    this.options.metrics?.updateAccepted()
    if (decision.lateEdits.length > 0)
      this.approvalWindows.lateEdits(connection, decision.lateEdits)
  }

  private judge(connection: RoomConnection, update: DecodedUpdate): Decision {
    return this.authorize(connection.peer, {
      documentId: this.documentId,
      doc: this.doc,
      update,
      senderClientId: this.presence.clientIdOf(connection),
      limits: this.options.limits ?? DEFAULT_CONTENT_LIMITS,
      documentTargetChars: () => (this.targetChars ??= documentTargetChars(this.doc)),
      unseenApprovals: this.approvalWindows.unseenBy(connection),
    })
  }

  private refuse(connection: RoomConnection, decision: Exclude<Decision, { kind: 'accept' }>) {
    if (decision.kind === 'ignore') return
    if (decision.kind === 'resync') {
      this.askSyncStep1(connection)
      return
    }
    this.refused.add(connection)
    this.options.metrics?.updateRefused(decision.reason)
    this.options.log.warn('sync.update_rejected', {
      documentId: this.documentId,
      connectionId: connection.peer.connectionId,
      userId: connection.peer.userId,
      reason: decision.reason,
      detail: decision.detail,
    })
    // The close reason is the rejection code alone: the client names it to the user, and a
    // close frame's reason may not exceed 123 bytes.
    connection.close(CloseCode.Forbidden, decision.reason)
  }

  private askSyncStep1(connection: RoomConnection): void {
    connection.send(writeSyncStep1(this.doc))
    this.approvalWindows.asked(connection)
  }

  /**
   * After an approval was applied (and broadcast): asks every other connection for its state.
   * Until its answer arrives, what it sends was typed before it knew of the approval.
   */
  private openApprovalWindows(approver: RoomConnection | null, approved: string[]): void {
    if (approved.length === 0) return
    for (const connection of this.connections) {
      if (connection === approver) continue
      this.askSyncStep1(connection)
      this.approvalWindows.approved(connection, approved)
    }
  }

  private async recordLateTyping(connection: RoomConnection, segmentIds: string[]): Promise<void> {
    this.options.log.info('sync.late_typing_kept', {
      documentId: this.documentId,
      connectionId: connection.peer.connectionId,
      userId: connection.peer.userId,
      segmentIds,
    })
    await this.options.recordLateTyping?.(connection.peer, {
      documentId: this.documentId,
      segmentIds,
      doc: this.doc,
    })
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return writeSyncStep2(this.doc, stateVector)
    this.fullSyncStep2 ??= writeSyncStep2Update(Y.encodeStateAsUpdate(this.doc))
    return this.fullSyncStep2
  }

  private readonly broadcastUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullSyncStep2 = null
    // The sender already has its own update.
    const senderId =
      isTransactionOrigin(origin) && origin.kind === 'connection' ? origin.connectionId : null
    // A connection's update moves the progress by its judged status changes (receiveUpdate);
    // anything else, or a judge that reports none, has it counted again.
    if (senderId === null || this.authorize === acceptAll) this.progressCount.changed()
    if (this.holdingBroadcast) return
    const message = writeUpdate(update)
    for (const connection of this.connections) {
      if (connection.peer.connectionId !== senderId) connection.send(message)
    }
  }
}

/** Loads the document from the store into a new room; null when the store has no such document. */
export async function createRoom(documentId: string, options: RoomOptions): Promise<Room | null> {
  const stored = await options.store.loadDocument(documentId)
  if (!stored) return null
  const room = new Room(documentId, replayDocument(stored), stored.lastSeq, options, stored)
  options.fanOut?.open(room)
  return room
}

function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`)
}
