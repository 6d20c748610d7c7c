import {
  MAX_AWARENESS_STATE_BYTES,
  awarenessState,
  type AwarenessState,
} from '@qalam/shared/presence'

/** Awareness messages one connection may send per second; the rest are dropped. */
export const MAX_AWARENESS_MESSAGES_PER_SECOND = 20

/**
 * Decides which awareness messages of one connection are read at all. Awareness is relayed to
 * everyone in the room, so without a bound one client could make the server fan out many
 * messages a second. Dropping is enough: a caret or a name that arrives late harms no one,
 * and the next honest message carries the whole current state again.
 */
export class AwarenessGate {
  private windowStart = -Infinity
  private inWindow = 0

  constructor(private readonly now: () => number = Date.now) {}

  admits(): boolean {
    const now = this.now()
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.inWindow = 0
    }
    if (this.inWindow >= MAX_AWARENESS_MESSAGES_PER_SECOND) return false
    this.inWindow++
    return true
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
