import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../logging/index.ts'
import type { FanOutRoom, RoomFanOut, StoredUpdate } from '../sync/index.ts'
import {
  accessMessage,
  readChannelMessage,
  writeChannelMessage,
  type AccessChange,
  type ChannelMessage,
} from './messages.ts'

export interface RedisFanOutOptions {
  /** `redis://…` or `rediss://…`. */
  url: string
  /** Put before every key and channel, so installations (and tests) sharing a Redis stay apart. */
  prefix: string
  log: Logger
  /** How often this process says it is alive, and checks that the others are. */
  heartbeatMs: number
  /** A process whose heartbeat is this old is gone: its clients' awareness states are removed. */
  processTtlMs: number
  /** An access change another process announced: close or downgrade the sockets here. */
  onAccessChange(change: AccessChange): void
  /** Seconds one publish took until Redis confirmed it, for `/metrics`. */
  publishLatency?(seconds: number): void
}

/** A process missing from this many heartbeat checks in a row is taken for dead. */
const MISSED_CHECKS_BEFORE_GONE = 2

/**
 * Fans updates, awareness and access changes out to the other server processes through
 * Redis pub/sub: one channel per open document, one for access changes. Redis carries
 * announcements only; the store is the truth, and whatever a process missed (Redis was down,
 * it subscribed late) it reads from the log by sequence number.
 *
 * A document's updates and awareness go out only once another process is known to hold it.
 * A process that opens a document asks on its channel (queryAwareness); whoever holds it
 * answers with how far its log reaches, and each side announces the same when it first hears
 * of the other. So what one stored before it knew of the other is read from the log by the
 * other, and everything after is announced.
 *
 * While Redis is unreachable every publish is dropped at once (no offline queue: a queue
 * would replay stale awareness and hold memory for as long as the outage lasts), the process
 * keeps serving its own clients and reports itself not ready. When Redis is back, every open
 * room catches up from the log, announces how far its log reaches, and sends its awareness.
 */
export class RedisFanOut implements RoomFanOut {
  readonly processId = randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly rooms = new Map<string, FanOutRoom>()
  /**
   * Other processes heard on each open document's channel. Updates and awareness are
   * published only while there is one: with sticky routing a document usually lives in one
   * process, and each publish cost a write, Redis's work and the message's own echo back.
   */
  private readonly followers = new Map<string, Set<string>>()
  /** Other processes heard from, with the heartbeat checks in a row that missed them. */
  private readonly processes = new Map<string, number>()
  private readonly heartbeat: NodeJS.Timeout
  private wasReady = false
  /** Whether the current outage was logged already: a reconnect fails every second. */
  private outageLogged = false
  private closed = false

  constructor(private readonly options: RedisFanOutOptions) {
    const common = {
      // Reconnect forever, at most a second apart: the process serves its own clients meanwhile.
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
      maxRetriesPerRequest: 1,
    }
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false })
    this.subscriber = new Redis(options.url, { ...common, autoResubscribe: true })
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      // Without a listener, ioredis reports each failed reconnect on stderr as unhandled.
      connection.on('error', (error: Error) => {
        if (this.outageLogged) return
        this.outageLogged = true
        options.log.warn('pubsub.redis_error', { connection: name, error })
      })
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    )
    this.subscriber.on('ready', () => this.connected('subscriber'))
    this.publisher.on('ready', () => this.connected('publisher'))
    this.subscriber.on('close', () => this.disconnected())
    this.publisher.on('close', () => this.disconnected())
    this.subscriber.subscribe(this.accessChannel).catch((error: unknown) => {
      // autoResubscribe retries it on every reconnect.
      options.log.warn('pubsub.subscribe_failed', { channel: this.accessChannel, error })
    })
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs)
    this.heartbeat.unref()
    this.beat()
  }

  /** Both connections are up: updates fan out to the other processes. */
  isReady(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  open(room: FanOutRoom): void {
    this.rooms.set(room.documentId, room)
    const channel = this.documentChannel(room.documentId)
    this.subscriber.subscribe(channel).then(
      () => {
        // Anything stored between the room's load and the subscription is in the log.
        room.catchUp()
        this.publishTo(room.documentId, { kind: 'queryAwareness', processId: this.processId })
      },
      (error: unknown) => {
        // Redis is down: its return subscribes again (autoResubscribe) and catches every room up.
        this.options.log.warn('pubsub.subscribe_failed', { channel, error })
      },
    )
  }

  close(room: FanOutRoom): void {
    if (this.rooms.get(room.documentId) !== room) return
    this.rooms.delete(room.documentId)
    this.followers.delete(room.documentId)
    this.subscriber.unsubscribe(this.documentChannel(room.documentId)).catch(() => {
      // Not subscribed any more either way once the connection is back (nothing to resubscribe).
    })
  }

  publishUpdate(update: StoredUpdate): void {
    if (!this.isFollowed(update.documentId)) return
    this.publishTo(update.documentId, {
      kind: 'update',
      processId: this.processId,
      seq: update.seq,
      prevSeq: update.prevSeq,
      storedAt: update.storedAt,
      bytes: update.bytes,
      approved: update.approved,
    })
  }

  publishAwareness(documentId: string, update: Uint8Array): void {
    if (!this.isFollowed(documentId)) return
    this.publishTo(documentId, { kind: 'awareness', processId: this.processId, update })
  }

  private isFollowed(documentId: string): boolean {
    return (this.followers.get(documentId)?.size ?? 0) > 0
  }

  /** How far the room's log reaches: a process behind it reads the rest from the store. */
  private publishHead(room: FanOutRoom): void {
    this.publishUpdate({
      documentId: room.documentId,
      seq: room.appliedSeq,
      prevSeq: room.appliedSeq,
      bytes: null,
      storedAt: Date.now(),
      approved: [],
    })
  }

  /** Tells the processes following the room how far its log reaches and who is here. */
  private introduce(room: FanOutRoom): void {
    this.publishHead(room)
    const states = room.localAwareness()
    if (states) this.publishAwareness(room.documentId, states)
  }

  /** Tells every other process of an access change made here. */
  publishAccess(change: AccessChange): void {
    const message = JSON.stringify({ processId: this.processId, change })
    this.publisher.publish(this.accessChannel, message).catch((error: unknown) => {
      // The sockets elsewhere keep their old rights until they reconnect; said loudly.
      this.options.log.error('pubsub.access_publish_failed', { kind: change.kind, error })
    })
  }

  /** Stops the heartbeat (others forget this process's clients) and disconnects. */
  async stop(): Promise<void> {
    this.closed = true
    clearInterval(this.heartbeat)
    await this.publisher.del(this.processKey(this.processId)).catch(() => undefined)
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private get accessChannel(): string {
    return `${this.options.prefix}access`
  }

  private documentChannel(documentId: string): string {
    return `${this.options.prefix}doc:${documentId}`
  }

  private processKey(processId: string): string {
    return `${this.options.prefix}process:${processId}`
  }

  private publishTo(documentId: string, message: ChannelMessage): void {
    if (this.publisher.status !== 'ready') return
    const started = performance.now()
    this.publisher
      .publish(this.documentChannel(documentId), Buffer.from(writeChannelMessage(message)))
      .then(
        () => this.options.publishLatency?.((performance.now() - started) / 1000),
        (error: unknown) => {
          // Peers read what they missed from the log when Redis is back (see `connected`).
          this.options.log.warn('pubsub.publish_failed', { documentId, error })
        },
      )
  }

  private receive(channel: string, bytes: Buffer): void {
    try {
      if (channel === this.accessChannel) {
        const parsed = accessMessage.parse(JSON.parse(bytes.toString('utf8')))
        if (parsed.processId !== this.processId) this.options.onAccessChange(parsed.change)
        return
      }
      const prefix = this.documentChannel('')
      if (!channel.startsWith(prefix)) return
      const room = this.rooms.get(channel.slice(prefix.length))
      if (!room) return
      const message = readChannelMessage(bytes)
      if (message.processId === this.processId) return
      if (!this.processes.has(message.processId)) this.processes.set(message.processId, 0)
      const followers = this.followers.get(room.documentId) ?? new Set<string>()
      this.followers.set(room.documentId, followers)
      const isNew = !followers.has(message.processId)
      followers.add(message.processId)
      // Whatever we stored, and whatever our clients showed, before we knew of it was not
      // announced: it reads the first from the log and gets the second now. (An answer to its
      // query goes out below either way.) And we ask for its clients' states: a process we
      // had taken for gone (a late heartbeat) does not know we dropped them.
      if (isNew && message.kind !== 'queryAwareness') {
        this.introduce(room)
        this.publishTo(room.documentId, { kind: 'queryAwareness', processId: this.processId })
      }
      switch (message.kind) {
        case 'update':
          room.receiveStored({ documentId: room.documentId, ...message })
          return
        case 'awareness':
          room.receiveRemoteAwareness(message.processId, message.update)
          return
        case 'queryAwareness':
          // It has just opened the document: it learns that we hold it, and how far our log
          // reaches, whether or not we have awareness to send.
          this.introduce(room)
          return
      }
    } catch (error) {
      // Only our own processes write here; a message we cannot read is a release mismatch.
      this.options.log.error('pubsub.message_unreadable', { channel, error })
    }
  }

  private connected(connection: 'publisher' | 'subscriber'): void {
    if (!this.isReady()) return
    const recovering = this.wasReady
    this.wasReady = true
    this.outageLogged = false
    this.options.log.info('pubsub.redis_ready', { connection, recovering })
    this.beat()
    if (!recovering) return
    // Back from an outage: what the others stored meanwhile is in the log, and what we
    // stored they learn from our announcement of how far our log reaches.
    for (const room of this.rooms.values()) {
      room.catchUp()
      this.introduce(room)
      this.publishTo(room.documentId, { kind: 'queryAwareness', processId: this.processId })
    }
  }

  private disconnected(): void {
    // Each failed reconnect closes again: one line per outage is enough.
    if (this.closed || this.outageLogged) return
    this.outageLogged = true
    this.options.log.warn('pubsub.redis_unreachable', {})
  }

  /** Says this process is alive, then forgets processes that stopped saying so. */
  private beat(): void {
    if (this.publisher.status !== 'ready') return
    const ttl = this.options.processTtlMs
    this.publisher.set(this.processKey(this.processId), '1', 'PX', ttl).catch(() => {
      // Redis went away again; the next beat after it returns sets the key.
    })
    const others = [...this.processes.keys()]
    if (others.length === 0) return
    this.publisher.mget(others.map((id) => this.processKey(id))).then(
      (alive) => {
        others.forEach((processId, index) => {
          if (alive[index] !== null) {
            this.processes.set(processId, 0)
            return
          }
          const missed = (this.processes.get(processId) ?? 0) + 1
          if (missed < MISSED_CHECKS_BEFORE_GONE) {
            this.processes.set(processId, missed)
            return
          }
          this.processes.delete(processId)
          for (const followers of this.followers.values()) followers.delete(processId)
          this.options.log.info('pubsub.process_gone', { processId })
          for (const room of this.rooms.values()) room.forgetProcess(processId)
        })
      },
      () => {
        // Unknown while Redis is unreachable: nobody is declared dead on no evidence.
      },
    )
  }
}
