import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readSegments, setStatus, setTargetText, type SegmentStatus } from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { awarenessMessage } from '../support/awarenessMessage.ts'
import { pickOne } from '../support/seededRandom.ts'
import { countLoggedUpdates } from '../support/storedDocument.ts'
import { openRawSocket, type RawSocket } from '../support/syncClient.ts'
import {
  mutate,
  type CaseResult,
  type FuzzContext,
  type FuzzRole,
  type FuzzTarget,
} from './runFuzz.ts'

/*
 * The sync socket's targets. Each case takes a valid message of one role (an update an editor
 * would send, or its awareness state), mutates its bytes, sends it over that role's socket and
 * then a SyncStep1: the server answers that in the same queue, so its SyncStep2 (or a close)
 * says the case was handled.
 */

type Outcome = { kind: 'handled' } | { kind: 'closed'; code: number; reason: string }

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

function closedWith(code: number, reason: string): Outcome {
  return {
    kind: 'closed',
    code,
    reason: `${code} ${reason.replace(/^bad message:.*/, 'bad_message')}`,
  }
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
    const onClose = (code: number, reason: Buffer) => finish(closedWith(code, reason.toString()))
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
 * The sync update and awareness targets on one document, each role keeping one socket open
 * between cases (reopened after a close); `close` ends them.
 */
export function syncTargets(
  context: FuzzContext,
  documentId: string,
  base: Y.Doc,
): { targets: FuzzTarget[]; close(): void } {
  const { server } = context
  const sockets = new Map<FuzzRole, RawSocket>()
  const socketFor = async (role: FuzzRole) => {
    const open = sockets.get(role)
    if (open && open.socket.readyState === 1) return open
    const raw = openRawSocket(server.url, documentId, context.sessions.get(role) ?? {})
    sockets.set(role, raw)
    await raw.opened.catch(() => undefined)
    return raw
  }
  const sendCase = async (role: FuzzRole, message: Uint8Array): Promise<CaseResult> => {
    const raw = await socketFor(role)
    const { bytes } = mutate(message, context.random)
    const logged = countLoggedUpdates(server.databaseFile, documentId)
    const probeFrom = raw.received.length
    if (raw.socket.readyState === 1) {
      raw.socket.send(bytes)
      raw.socket.send(syncMessage(STEP1, Y.encodeStateVector(base)))
    }
    const outcome = await handled(raw, probeFrom)
    const stored = countLoggedUpdates(server.databaseFile, documentId) !== logged
    if (outcome.kind === 'handled') return { kind: stored ? 'accepted' : 'unchanged' }
    if (outcome.code === 1011) return { kind: 'failed', reason: outcome.reason }
    return { kind: 'refused', reason: outcome.reason, stored }
  }
  const sessionOf = (role: FuzzRole) => context.sessions.get(role) ?? null
  return {
    targets: [
      {
        name: 'sync_update',
        runCase: (_context, role) =>
          sendCase(
            role,
            syncMessage(
              context.random() < 0.8 ? UPDATE : STEP2,
              validUpdate(base, sessionOf(role), context.random),
            ),
          ),
      },
      {
        name: 'awareness',
        runCase: (_context, role) =>
          sendCase(role, validAwareness(sessionOf(role), context.random)),
      },
    ],
    close() {
      for (const raw of sockets.values()) raw.socket.terminate()
    },
  }
}
