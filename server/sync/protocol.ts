import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { checkUpdateStructure } from './checkUpdateStructure.ts'
import { DEFAULT_CONTENT_LIMITS, countUpdateItems, type RejectionCode } from './validation/index.ts'

/* The y-websocket wire format; PROTOCOL.md beside this file describes it and the handshake. */

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const

/** The bytes of a message could not be read as one the server accepts. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

/** A well-formed message the server refuses before reading it further (closed 4403, `reason`). */
export class RefusedMessageError extends Error {
  override name = 'RefusedMessageError'
  constructor(
    readonly reason: RejectionCode,
    detail: string,
  ) {
    super(detail)
  }
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /**
   * The state's JSON, not parsed: a client echoes every peer's state back to the server, and
   * only its own is ever read (`null` as JSON means the client left).
   */
  stateJson: Uint8Array
}

/** What a client message may hold; larger updates are refused before they are decoded. */
export interface MessageLimits {
  maxUpdateItems: number
}

/**
 * Entries one awareness message may carry. y-websocket echoes every state it learns (all of
 * the room's on joining), so honest messages carry as many as the room has people.
 */
export const MAX_AWARENESS_ENTRIES = 1000

/** A Yjs update, already parsed once so that nothing unreadable reaches the room or the store. */
export interface DecodedUpdate {
  bytes: Uint8Array
  structs: ReturnType<typeof Y.decodeUpdate>['structs']
  deleteSet: ReturnType<typeof Y.decodeUpdate>['ds']
}

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: DecodedUpdate }
  | { kind: 'update'; update: DecodedUpdate }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'queryAwareness' }

function readPayload(decoder: decoding.Decoder): Uint8Array {
  // Copy: the view points into the socket's receive buffer, which we do not own.
  return decoding.readVarUint8Array(decoder).slice()
}

function decodeUpdate(bytes: Uint8Array, limits: MessageLimits): DecodedUpdate {
  const items = countUpdateItems(bytes, limits.maxUpdateItems)
  if (items > limits.maxUpdateItems) {
    throw new RefusedMessageError(
      'update_too_large',
      `update of more than ${limits.maxUpdateItems} items (${items} counted)`,
    )
  }
  const { structs, ds } = Y.decodeUpdate(bytes)
  checkUpdateStructure(structs)
  return { bytes, structs, deleteSet: ds }
}

function readStateVector(decoder: decoding.Decoder): Uint8Array {
  const stateVector = readPayload(decoder)
  Y.decodeStateVector(stateVector)
  return stateVector
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > MAX_AWARENESS_ENTRIES) {
    throw new ProtocolError(`awareness message of ${count} entries`)
  }
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const stateJson = decoding.readVarUint8Array(decoder)
    entries.push({ clientId, clock, stateJson })
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
  return entries
}

function readSyncMessage(decoder: decoding.Decoder, limits: MessageLimits): ClientMessage {
  const syncType = decoding.readVarUint(decoder)
  switch (syncType) {
    case SyncType.Step1:
      return { kind: 'syncStep1', stateVector: readStateVector(decoder) }
    case SyncType.Step2:
      return { kind: 'syncStep2', update: decodeUpdate(readPayload(decoder), limits) }
    case SyncType.Update:
      return { kind: 'update', update: decodeUpdate(readPayload(decoder), limits) }
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`)
  }
}

/**
 * Reads one message a client sent. Throws `ProtocolError` (or lib0's decoding errors) on
 * anything else: truncated varints, trailing bytes, unreadable updates, unknown types; and
 * `RefusedMessageError` for an update past `limits`, before decoding it.
 * `Auth` is server-to-client only, so a client sending it is a protocol error too.
 */
export function readClientMessage(
  bytes: Uint8Array,
  limits: MessageLimits = DEFAULT_CONTENT_LIMITS,
): ClientMessage {
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  let message: ClientMessage
  switch (type) {
    case MessageType.Sync:
      message = readSyncMessage(decoder, limits)
      break
    case MessageType.Awareness: {
      message = { kind: 'awareness', entries: readAwarenessEntries(readPayload(decoder)) }
      break
    }
    case MessageType.QueryAwareness:
      message = { kind: 'queryAwareness' }
      break
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  return message
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Asks the peer for what we lack: our state vector. */
export function writeSyncStep1(doc: Y.Doc): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncType.Step1)
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  })
}

/** Answers a SyncStep1: everything in `doc` the peer's state vector lacks. */
export function writeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return writeSyncStep2Update(Y.encodeStateAsUpdate(doc, stateVector))
}

/** Answers a SyncStep1 with an update already encoded: the whole document, for a peer that has nothing. */
export function writeSyncStep2Update(update: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncType.Step2)
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** Whether a peer's state vector says it has nothing of the document yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0
}

export function writeUpdate(update: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncType.Update)
    encoding.writeVarUint8Array(encoder, update)
  })
}

export function writeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  return encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, awarenessUpdate)
  })
}

export function writeQueryAwareness(): Uint8Array {
  return encode((encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness))
}
