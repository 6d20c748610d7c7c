import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readSegments, setStatus, setTargetText, type SegmentStatus } from '@qalam/shared/model'
import type { ProjectRole } from '@qalam/shared/workflow'
import type { Session } from '../support/accounts.ts'
import { awarenessMessage } from '../support/awarenessMessage.ts'
import { pickOne } from '../support/seededRandom.ts'
import { countLoggedUpdates } from '../support/storedDocument.ts'
import { openRawSocket, type RawSocket } from '../support/syncClient.ts'
import type { TestServer } from '../support/testServer.ts'

/*
 * A seeded fuzzer of the sync socket. Each case takes a valid message of one role (an update
 * an editor would send, or its awareness state), mutates its bytes or its structure, sends it
 * over a real socket and then a SyncStep1: the server answers that in the same queue, so its
 * SyncStep2 (or a close) says the case was handled. A refused case must have stored nothing.
 * Targets are a list: another (a multipart upload) is one more entry.
 */

export type FuzzRole = ProjectRole | 'anonymous'
export const FUZZ_ROLES: readonly FuzzRole[] = [
  'viewer',
  'translator',
  'reviewer',
  'manager',
  'anonymous',
]

export interface FuzzReport {
  seed: number
  budgetMs: number
  cases: number
  byTarget: Record<string, number>
  /** Cases whose update was stored. */
  accepted: number
  /** Cases handled without a close and without storing (read-only, resync, no change). */
  unchanged: number
  /** Cases closed, by close code and reason. */
  refusedByReason: Record<string, number>
  /** Refused cases after which the store had changed: must stay 0. */
  storedWhenRefused: number
}

export interface FuzzContext {
  server: TestServer
  documentId: string
  sessions: Map<FuzzRole, Session | null>
  random: () => number
}

type Outcome = { kind: 'handled' } | { kind: 'closed'; reason: string }

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const WORDS = ['архив', 'қолжазба', 'مخطوطة', 'library', 'ترجمة', '']
const STATUSES: readonly SegmentStatus[] = ['new', 'draft', 'translated', 'approved', 'rejected']

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SYNC)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** One mutation of `bytes`: flips, truncation, insertion, a huge varint, or none at all. */
export function mutate(
  bytes: Uint8Array,
  random: () => number,
): { bytes: Uint8Array; how: string } {
  const copy = Uint8Array.from(bytes)
  const at = () => Math.floor(random() * copy.length)
  const roll = random()
  if (roll < 0.2) return { bytes: copy, how: 'none' }
  if (roll < 0.45) {
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
      const index = at()
      copy[index] = copy[index]! ^ (1 << Math.floor(random() * 8))
    }
    return { bytes: copy, how: 'flip' }
  }
  if (roll < 0.6) return { bytes: copy.subarray(0, at()), how: 'truncate' }
  if (roll < 0.75) {
    const index = at()
    const noise = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      Math.floor(random() * 256),
    )
    return {
      bytes: Uint8Array.from([...copy.subarray(0, index), ...noise, ...copy.subarray(index)]),
      how: 'insert',
    }
  }
  if (roll < 0.9) {
    const index = at()
    return {
      bytes: Uint8Array.from([
        ...copy.subarray(0, index),
        0xff,
        0xff,
        0xff,
        0xff,
        0x7f,
        ...copy.subarray(index + 1),
      ]),
      how: 'varint',
    }
  }
  const start = at()
  const end = Math.min(copy.length, start + 1 + Math.floor(random() * 16))
  return { bytes: Uint8Array.from([...copy, ...copy.subarray(start, end)]), how: 'duplicate' }
}

/** A valid update from a fresh copy of the document: what an editor of `session` would send. */
function validUpdate(base: Y.Doc, session: Session | null, random: () => number): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const segments = readSegments(doc)
  const id = pickOne(random, segments).id
  const userId = session?.user.id ?? 'nobody'
  if (random() < 0.6)
    setTargetText(doc, id, `${pickOne(random, WORDS)} ${pickOne(random, WORDS)}`, userId)
  else setStatus(doc, id, pickOne(random, STATUSES), userId)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

function validAwareness(session: Session | null, random: () => number): Uint8Array {
  const clientId = 1 + Math.floor(random() * 2 ** 31)
  const user = { id: session?.user.id ?? 'nobody', name: 'Фаззер', color: '#336699' }
  const states: unknown[] = [
    { user, segmentId: null },
    {
      user,
      segmentId: 'x',
      focusing: true,
      anchorPos: null,
      focusPos: null,
      name: 'F',
      color: '#fff',
    },
    '['.repeat(3000) + ']'.repeat(3000),
    { user: { ...user, id: 'someone-else' }, segmentId: null },
  ]
  const state = pickOne(random, states)
  const entries = [
    typeof state === 'string' ? { clientId, clock: 1, json: state } : { clientId, clock: 1, state },
  ]
  if (random() < 0.2)
    entries.push({ clientId: clientId + 1, clock: 1, state: { segmentId: 'y'.repeat(4000) } })
  return awarenessMessage(entries)
}

interface Target {
  name: string
  message(context: FuzzContext, base: Y.Doc, session: Session | null): Uint8Array
}

export const SYNC_TARGETS: readonly Target[] = [
  {
    name: 'sync_update',
    message: ({ random }, base, session) =>
      syncMessage(random() < 0.8 ? UPDATE : STEP2, validUpdate(base, session, random)),
  },
  { name: 'awareness', message: ({ random }, _base, session) => validAwareness(session, random) },
]

function closedWith(code: number, reason: string): Outcome {
  return { kind: 'closed', reason: `${code} ${reason.replace(/^bad message:.*/, 'bad_message')}` }
}

/** Resolves once the server has handled everything sent before a SyncStep1, or closed. */
function handled(raw: RawSocket, probeFrom: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const check = () => {
      for (const message of raw.received.slice(probeFrom)) {
        const decoder = decoding.createDecoder(message)
        if (decoding.readVarUint(decoder) === SYNC && decoding.readVarUint(decoder) === STEP2) {
          finish({ kind: 'handled' })
          return
        }
      }
    }
    const onMessage = () => check()
    const onClose = (code: number, reason: Buffer) =>
      finish({
        kind: 'closed',
        reason: `${code} ${reason.toString().replace(/^bad message:.*/, 'bad_message')}`,
      })
    const finish = (outcome: Outcome) => {
      raw.socket.off('message', onMessage)
      raw.socket.off('close', onClose)
      resolve(outcome)
    }
    if (raw.socket.readyState > 1) {
      void raw.closed.then(({ code, reason }) => finish(closedWith(code, reason)))
      return
    }
    raw.socket.on('message', onMessage)
    raw.socket.on('close', onClose)
    check()
  })
}

/**
 * Runs cases until `budgetMs` has passed and at least `minCases` ran (so a loaded machine
 * shortens nothing the test relies on); the server must serve honest clients throughout.
 */
export async function runSyncFuzz(
  context: FuzzContext,
  base: Y.Doc,
  seed: number,
  budgetMs: number,
  minCases = 0,
): Promise<FuzzReport> {
  const { server, documentId, sessions, random } = context
  const report: FuzzReport = {
    seed,
    budgetMs,
    cases: 0,
    byTarget: {},
    accepted: 0,
    unchanged: 0,
    refusedByReason: {},
    storedWhenRefused: 0,
  }
  const sockets = new Map<FuzzRole, RawSocket>()
  const socketFor = async (role: FuzzRole) => {
    const open = sockets.get(role)
    if (open && open.socket.readyState === 1) return open
    const raw = openRawSocket(server.url, documentId, sessions.get(role) ?? {})
    sockets.set(role, raw)
    await raw.opened.catch(() => undefined)
    return raw
  }
  const deadline = Date.now() + budgetMs
  try {
    while (Date.now() < deadline || report.cases < minCases) {
      const role = pickOne(random, FUZZ_ROLES)
      const target = pickOne(random, SYNC_TARGETS)
      const raw = await socketFor(role)
      const { bytes } = mutate(target.message(context, base, sessions.get(role) ?? null), random)
      const logged = countLoggedUpdates(server.databaseFile, documentId)
      const probeFrom = raw.received.length
      if (raw.socket.readyState === 1) {
        raw.socket.send(bytes)
        raw.socket.send(syncMessage(STEP1, Y.encodeStateVector(base)))
      }
      const outcome = await handled(raw, probeFrom)
      report.cases++
      report.byTarget[target.name] = (report.byTarget[target.name] ?? 0) + 1
      const loggedNow = countLoggedUpdates(server.databaseFile, documentId)
      if (outcome.kind === 'closed') {
        report.refusedByReason[outcome.reason] = (report.refusedByReason[outcome.reason] ?? 0) + 1
        if (loggedNow !== logged) report.storedWhenRefused++
      } else if (loggedNow !== logged) report.accepted++
      else report.unchanged++
    }
  } finally {
    for (const raw of sockets.values()) raw.socket.terminate()
  }
  return report
}
