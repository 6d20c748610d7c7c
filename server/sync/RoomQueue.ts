import type { DecodedUpdate } from './protocol.ts'
import type { RoomConnection } from './Room.ts'

/** An update waiting in a room's queue, and whose it is. */
export interface QueuedUpdate {
  connection: RoomConnection
  update: DecodedUpdate
}

/**
 * One room's messages, one task at a time, so that the order updates are stored in is the
 * order they are applied and broadcast in. Updates that arrive while a task runs wait in one
 * batch behind it (the next group commit); any other task closes the batch, so nothing
 * queued after it joins an earlier batch.
 */
export class RoomQueue {
  private tail: Promise<void> = Promise.resolve()
  /** Updates queued behind the running task, not yet started: the next group commit. */
  private batch: QueuedUpdate[] | null = null

  /**
   * Adds the update to the open batch, or opens one that `run` is given once its turn comes.
   * Should `run` fail, `failed` is told which batch (to close its senders, who then send it
   * again) and the queue goes on: a rejected tail would silently skip every later task.
   */
  push(
    item: QueuedUpdate,
    run: (batch: QueuedUpdate[]) => Promise<void>,
    failed: (batch: QueuedUpdate[], error: unknown) => void,
  ): void {
    if (this.batch) {
      this.batch.push(item)
      return
    }
    const batch = [item]
    this.batch = batch
    this.tail = this.tail
      .then(() => {
        if (this.batch === batch) this.batch = null
        return run(batch)
      })
      .catch((error: unknown) => failed(batch, error))
  }

  /** Queues a task after everything queued so far; `chain` attaches it (and its error handling). */
  add(chain: (tail: Promise<void>) => Promise<void>): void {
    this.batch = null
    this.tail = chain(this.tail)
  }

  /** Settles once everything queued so far has run. */
  drained(): Promise<void> {
    return this.tail
  }
}

/**
 * The queued updates that may be judged together, against the same state: one per
 * connection at most, since a connection's next update may build on its previous one.
 * Updates of different connections cannot build on one another: none was sent out yet.
 */
export function takeGroup(queued: readonly QueuedUpdate[]): QueuedUpdate[] {
  const connections = new Set<RoomConnection>()
  const group: QueuedUpdate[] = []
  for (const item of queued) {
    if (connections.has(item.connection)) break
    connections.add(item.connection)
    group.push(item)
  }
  return group
}
