import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'

/*
 * What server processes tell each other on a document's channel, in lib0 encoding (the
 * update bytes stay binary; JSON would grow them by a third in base64):
 *
 *   message   = kind:varUint processId:varString payload
 *   0 Update         seq:varUint prevSeq:varUint storedAt:varUint hasBytes:varUint
 *                    [update:varUint8Array] approvedCount:varUint {segmentId:varString}
 *   1 Awareness      update:varUint8Array       (y-protocols awareness encoding)
 *   2 QueryAwareness                            "send me your connections' states"
 *
 * Access changes go on one channel for the whole installation, as JSON (`AccessChange`).
 */

const UPDATE = 0
const AWARENESS = 1
const QUERY_AWARENESS = 2

export type ChannelMessage =
  | {
      kind: 'update'
      processId: string
      seq: number
      prevSeq: number
      storedAt: number
      bytes: Uint8Array | null
      approved: string[]
    }
  | { kind: 'awareness'; processId: string; update: Uint8Array }
  | { kind: 'queryAwareness'; processId: string }

export function writeChannelMessage(message: ChannelMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, UPDATE)
      encoding.writeVarString(encoder, message.processId)
      encoding.writeVarUint(encoder, message.seq)
      encoding.writeVarUint(encoder, message.prevSeq)
      encoding.writeVarUint(encoder, message.storedAt)
      encoding.writeVarUint(encoder, message.bytes ? 1 : 0)
      if (message.bytes) encoding.writeVarUint8Array(encoder, message.bytes)
      encoding.writeVarUint(encoder, message.approved.length)
      for (const segmentId of message.approved) encoding.writeVarString(encoder, segmentId)
      break
    case 'awareness':
      encoding.writeVarUint(encoder, AWARENESS)
      encoding.writeVarString(encoder, message.processId)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'queryAwareness':
      encoding.writeVarUint(encoder, QUERY_AWARENESS)
      encoding.writeVarString(encoder, message.processId)
      break
  }
  return encoding.toUint8Array(encoder)
}

/** Throws on anything this release does not write (a newer release's kind, truncation). */
export function readChannelMessage(bytes: Uint8Array): ChannelMessage {
  const decoder = decoding.createDecoder(bytes)
  const kind = decoding.readVarUint(decoder)
  const processId = decoding.readVarString(decoder)
  let message: ChannelMessage
  switch (kind) {
    case UPDATE: {
      const seq = decoding.readVarUint(decoder)
      const prevSeq = decoding.readVarUint(decoder)
      const storedAt = decoding.readVarUint(decoder)
      const update =
        decoding.readVarUint(decoder) === 1 ? decoding.readVarUint8Array(decoder) : null
      const approved: string[] = []
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) approved.push(decoding.readVarString(decoder))
      message = { kind: 'update', processId, seq, prevSeq, storedAt, bytes: update, approved }
      break
    }
    case AWARENESS:
      message = { kind: 'awareness', processId, update: decoding.readVarUint8Array(decoder) }
      break
    case QUERY_AWARENESS:
      message = { kind: 'queryAwareness', processId }
      break
    default:
      throw new Error(`unknown channel message kind ${kind}`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a channel message')
  return message
}

/** An access change made through one process's API, which every process applies. */
export const accessChange = z.discriminatedUnion('kind', [
  // The token's sha256, as the database keeps it: Redis (its MONITOR, a replica, a
  // subscriber) never sees a token, live or logged out.
  z.object({ kind: z.literal('endSession'), sessionHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({
    kind: z.literal('changeAccess'),
    userId: z.string().min(1).max(200),
    projectId: z.string().min(1).max(200),
  }),
  z.object({ kind: z.literal('endUser'), userId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('closeDocument'), documentId: z.string().min(1).max(200) }),
])

export type AccessChange = z.infer<typeof accessChange>

export const accessMessage = z.object({
  processId: z.string().min(1).max(100),
  change: accessChange,
})
