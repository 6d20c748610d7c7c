import { MAX_AWARENESS_ENTRIES, type AwarenessEntry } from './protocol.ts'
import {
  MAX_AWARENESS_STATE_BYTES,
  awarenessState,
  type AwarenessState,
} from '@qalam/shared/presence'

/** Awareness messages one connection may send per second; the rest wait for the next second. */
export const MAX_AWARENESS_MESSAGES_PER_SECOND = 20

const WINDOW_MS = 1000

/**
 * Decides which awareness messages of one connection are read at once. Awareness is relayed to
 * everyone in the room, so without a bound one client could make the server fan out many
 * messages a second. Over the bound, a message is not read now, but its newest state of each
 * client is kept and read as one message when the second is over: a burst (a translator's
 * carets while typing, then their move to the next segment) may end with the state that
 * matters most, and peers skip or ask about a segment by who is in it. What is kept is bounded
 * by the number of client ids (at most `maxHeldClients`).
 */
export class AwarenessGate {
  private windowStart = -Infinity
  private inWindow = 0
  private readonly held = new Map<number, AwarenessEntry>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    /** Reads the held states once the window is over; runs from a timer. */
    private readonly readLate: (entries: AwarenessEntry[]) => void,
    private readonly now: () => number = Date.now,
    private readonly maxHeldClients = MAX_AWARENESS_ENTRIES,
  ) {}

  /** Whether to read `entries` now; when not, their newest states are read later. */
  admits(entries: readonly AwarenessEntry[]): boolean {
    const now = this.now()
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now
      this.inWindow = 0
    }
    if (this.inWindow < MAX_AWARENESS_MESSAGES_PER_SECOND) {
      this.inWindow++
      return true
    }
    for (const entry of entries) {
      const previous = this.held.get(entry.clientId)
      if (
        previous !== undefined
          ? previous.clock <= entry.clock
          : this.held.size < this.maxHeldClients
      )
        this.held.set(entry.clientId, entry)
    }
    this.timer ??= setTimeout(this.flush, this.windowStart + WINDOW_MS - now)
    return false
  }

  /** Drops what is held (the connection closed). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.held.clear()
  }

  private readonly flush = (): void => {
    this.timer = null
    const entries = [...this.held.values()]
    this.held.clear()
    if (entries.length === 0) return
    // It counts as the first message of a new window.
    this.windowStart = this.now()
    this.inWindow = 1
    this.readLate(entries)
  }
}

export type AwarenessReading =
  /** `null`: the client left. */
  { ok: true; state: AwarenessState | null } | { ok: false; detail: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads one client's own awareness state: its size first, then its JSON, then its shape
 * (`@qalam/shared/presence`). Never throws: a state nested 5,000 deep is only parsed (which
 * does not recurse), then refused by the schema at its first level, and never stringified.
 */
export function readAwarenessState(stateJson: Uint8Array): AwarenessReading {
  if (stateJson.length > MAX_AWARENESS_STATE_BYTES) {
    return { ok: false, detail: `state of ${stateJson.length} bytes` }
  }
  let value: unknown
  try {
    value = JSON.parse(utf8.decode(stateJson))
  } catch {
    return { ok: false, detail: 'state is not UTF-8 JSON' }
  }
  if (value === null) return { ok: true, state: null }
  const parsed = awarenessState.safeParse(value)
  if (!parsed.success) {
    return { ok: false, detail: `state is not a presence: ${parsed.error.issues[0]?.message}` }
  }
  return { ok: true, state: parsed.data }
}
