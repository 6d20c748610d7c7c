import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'

const MESSAGE_SYNC = 0
// How long after a local change the server is asked to confirm it: one question for a burst of
// keystrokes rather than one per key.
const CONFIRM_AFTER_MS = 150

/**
 * Counts the local changes the server has not confirmed yet. The y-websocket protocol has no
 * acknowledgement, but our server answers each SyncStep1 in the order it received messages on
 * that socket (PROTOCOL.md): when the SyncStep2 answering a SyncStep1 arrives, everything sent
 * on the socket before that SyncStep1 is stored. So we remember, for every SyncStep1 that goes
 * out, how far our own changes had been sent, and advance the confirmed mark when its answer
 * comes. Changes made offline reach the server as the reply to its SyncStep1 on reconnect,
 * and are confirmed by the SyncStep1 we send right after that reply.
 */
export class UnsentChanges {
  /** Our client's clock after each local transaction not yet confirmed, oldest first. */
  private unconfirmed: number[] = []
  private confirmed = 0
  /** How far our changes have gone out on the current socket. */
  private sent = 0
  /** For each SyncStep1 awaiting its answer on this socket: `sent` when it went out. */
  private questions: number[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<() => void>()
  private readonly restoreHandler: WebsocketProvider['messageHandlers'][number]

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    const handleSync = provider.messageHandlers[MESSAGE_SYNC]!
    this.restoreHandler = handleSync
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
      // The sync message type is one varint byte (0, 1 or 2) right after the message type.
      const syncType = decoder.arr[decoder.pos]
      handleSync(encoder, decoder, ...rest)
      if (syncType === syncProtocol.messageYjsSyncStep2) this.answered()
      // The server asks what we have (on connect, or to resync): the provider's reply, sent
      // once this handler returns, carries every change the server lacks. Ask after it.
      else if (syncType === syncProtocol.messageYjsSyncStep1) queueMicrotask(this.replied)
    }
    provider.on('status', this.onStatus)
    doc.on('update', this.onUpdate)
  }

  /** Local changes not yet confirmed stored by the server. */
  get count(): number {
    return this.unconfirmed.length
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.provider.messageHandlers[MESSAGE_SYNC] = this.restoreHandler
    this.provider.off('status', this.onStatus)
    this.doc.off('update', this.onUpdate)
    this.listeners.clear()
  }

  private get clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID)
  }

  private get isOpen(): boolean {
    const socket = this.provider.ws
    return this.provider.wsconnected && socket !== null && socket.readyState === WebSocket.OPEN
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return
    const clock = this.clock
    if (clock <= this.confirmed) return
    this.unconfirmed.push(clock)
    // The provider sends a local update at once while the socket is open, and drops it
    // otherwise (the next sync brings it).
    if (this.isOpen) {
      this.sent = clock
      this.scheduleQuestion()
    }
    this.notify()
  }

  private readonly onStatus = ({ status }: { status: string }): void => {
    // Questions asked on a socket that is gone will never be answered; the provider's own
    // SyncStep1 on the new socket is answered before anything of ours went out on it.
    this.questions = status === 'connected' ? [this.confirmed] : []
    this.sent = this.confirmed
  }

  private readonly replied = (): void => {
    if (!this.isOpen) return
    this.sent = this.clock
    this.ask()
  }

  private scheduleQuestion(): void {
    if (this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.isOpen && this.sent > this.confirmed) this.ask()
    }, CONFIRM_AFTER_MS)
  }

  private ask(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.provider.ws?.send(encoding.toUint8Array(encoder))
    this.questions.push(this.sent)
  }

  private answered(): void {
    const covered = this.questions.shift()
    if (covered === undefined || covered <= this.confirmed) return
    this.confirmed = covered
    const before = this.unconfirmed.length
    this.unconfirmed = this.unconfirmed.filter((clock) => clock > covered)
    if (this.unconfirmed.length !== before) this.notify()
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}
