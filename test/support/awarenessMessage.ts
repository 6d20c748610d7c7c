import * as encoding from 'lib0/encoding'

export interface RawAwarenessEntry {
  clientId: number
  clock: number
  /** The state as a value to stringify, or as the exact JSON text to send. */
  state?: unknown
  json?: string
}

/** An awareness message (type 1) carrying `entries` exactly, whatever they claim. */
export function awarenessMessage(entries: readonly RawAwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state, json } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, json ?? JSON.stringify(state))
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}
