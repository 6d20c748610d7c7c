import type { AwarenessEntry } from './protocol.ts'

/** Largest awareness state one client may publish (its JSON, in UTF-8 bytes). */
export const MAX_AWARENESS_STATE_BYTES = 4096
/** Awareness messages one connection may send per second; the rest are dropped. */
export const MAX_AWARENESS_MESSAGES_PER_SECOND = 20

/**
 * Decides which awareness messages of one connection are relayed. Awareness is relayed to
 * everyone in the room, so without a bound one client could make the server fan out megabytes
 * many times a second. Dropping is enough: a caret or a name that arrives late harms no one,
 * and the next honest message carries the whole current state again.
 */
export class AwarenessGate {
  private windowStart = -Infinity
  private inWindow = 0

  constructor(private readonly now: () => number = Date.now) {}

  admits(entries: readonly AwarenessEntry[]): boolean {
    const now = this.now()
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.inWindow = 0
    }
    if (this.inWindow >= MAX_AWARENESS_MESSAGES_PER_SECOND) return false
    this.inWindow++
    return entries.every(
      (entry) => Buffer.byteLength(JSON.stringify(entry.state)) <= MAX_AWARENESS_STATE_BYTES,
    )
  }
}
