import * as Y from 'yjs'
import {
  MAX_REVIEW_NOTE_LENGTH,
  MUTABLE_SEGMENT_KEYS,
  REVIEWER_SEGMENT_KEYS,
  SEGMENT_KEYS,
  isSegmentStatus,
  segmentId,
  segmentStatus,
  segmentTarget,
  type SegmentMap,
  type SegmentStatus,
} from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import { reject, type Actor, type Decision, type StatusChange } from './decision.ts'
import { countUpdateItems } from './countUpdateItems.ts'
import { judgeClocks } from './judgeClocks.ts'
import {
  emptyTally,
  judgeNewNodesTyped,
  judgeTagNodes,
  judgeTargetInsertion,
  judgeTargetSize,
  startTargetJudging,
  tallyTargetRemoval,
  type TargetJudging,
  type TargetTally,
} from './judgeTarget.ts'
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from './limits.ts'
import { createLocator, type Locator } from './locateStruct.ts'

/*
 * Judges what an update would do to the room's doc, before it is applied, and accepts or
 * refuses it whole. It never rewrites the bytes: a client whose update is refused gets
 * resynced from the server, it does not get a filtered version of its own edit.
 * (yjs THREAT_MODEL.md: filtering updates on the server is an antipattern.)
 *
 * Decoding the update and resolving each struct's place in the existing doc costs time in
 * proportion to the update, not the document; applying to a scratch copy of a 10,000-segment
 * doc would cost the whole document per update (see test/bench/validate.ts).
 */

const SEGMENT_TARGET = SEGMENT_KEYS.target
const SEGMENT_STATUS = SEGMENT_KEYS.status
const SEGMENT_SUGGESTIONS = SEGMENT_KEYS.suggestions
const WRITABLE_KEYS: ReadonlySet<string> = new Set(MUTABLE_SEGMENT_KEYS)
// The review note: a reviewer writes it with a rejection and removes it with an approval.
const REVIEWER_KEYS: ReadonlySet<string> = new Set(REVIEWER_SEGMENT_KEYS)
const IMMUTABLE_KEYS: ReadonlySet<string> = new Set(
  Object.values(SEGMENT_KEYS).filter((key) => !WRITABLE_KEYS.has(key) && !REVIEWER_KEYS.has(key)),
)

/** What an update does to one existing segment. */
interface SegmentEffect {
  map: SegmentMap
  targetEdited: boolean
  /** A key other than the target and the status written or removed (metadata, review note). */
  touched: boolean
  statusWrites: Y.Item[]
  writtenKeys: Set<string>
  /** Writable keys whose value was deleted; each must get a new value in the same update. */
  removedKeys: Set<string>
  /** The review note this update writes, for the audit entry of a rejection. */
  note?: string
  /** How the update changes the size of the target. */
  tally: TargetTally
}

interface Judging {
  locator: Locator
  target: TargetJudging
  limits: ContentLimits
  actor: Actor
  mayWrite: boolean
  mayReview: boolean
  /** Approved segments whose approval the sender had not been shown when it sent this. */
  unseenApprovals: ReadonlySet<string>
  effectOn(segment: Y.Item): SegmentEffect
}

type Verdict = Decision | null

/** An update already decoded by `Y.decodeUpdate`, as the sync protocol layer holds it. */
export interface DecodedUpdate {
  structs: ReturnType<typeof Y.decodeUpdate>['structs']
  deleteSet: ReturnType<typeof Y.decodeUpdate>['ds']
}

/** What the judge needs to know besides the doc, the update and the sender. */
export interface JudgeOptions {
  limits?: ContentLimits
  /** Characters of target text in the document now; asked only when an update adds text. */
  documentTargetChars?: () => number
  /**
   * Segments approved after the sender last heard from the room: their approval had not reached
   * it when it sent this update (see server/sync/ApprovalWindows.ts). A target edit of one of
   * them is typing done before the lock, and is accepted into the approved text.
   */
  unseenApprovals?: ReadonlySet<string>
}

/** Accepts or refuses `update` as a whole, from its effect on `doc` and the sender's role. */
export function judgeUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  options: JudgeOptions = {},
): Decision {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    // The sync protocol counts every update before decoding it; the same reading refuses
    // what Yjs would integrate differently from how `Y.decodeUpdate` lists it.
    countUpdateItems(update, Number.MAX_SAFE_INTEGER)
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    return reject('malformed', error instanceof Error ? error.message : String(error))
  }
  return judgeDecodedUpdate(
    doc,
    { structs: decoded.structs, deleteSet: decoded.ds },
    actor,
    options,
  )
}

/** `judgeUpdate` for a caller that has decoded the update already; never changes `doc`. */
export function judgeDecodedUpdate(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  actor: Actor,
  options: JudgeOptions = {},
): Decision {
  const clockVerdict = judgeClocks(doc, decoded.structs, actor.clientId ?? null)
  if (clockVerdict) return clockVerdict
  const effects = new Map<Y.Item, SegmentEffect>()
  const locator = createLocator(doc, decoded.structs)
  const limits = options.limits ?? DEFAULT_CONTENT_LIMITS
  const judging: Judging = {
    locator,
    target: startTargetJudging(locator, decoded.deleteSet),
    limits,
    actor,
    mayWrite: may(actor.role, 'editTarget'),
    mayReview: may(actor.role, 'reject'),
    unseenApprovals: options.unseenApprovals ?? NO_SEGMENTS,
    effectOn(segment) {
      let effect = effects.get(segment)
      if (!effect) {
        effect = {
          map: (segment.content as Y.ContentType).type as SegmentMap,
          targetEdited: false,
          touched: false,
          statusWrites: [],
          writtenKeys: new Set(),
          removedKeys: new Set(),
          tally: emptyTally(),
        }
        effects.set(segment, effect)
      }
      return effect
    },
  }

  for (const struct of decoded.structs) {
    // GC and Skip structs carry no content: they only fill clock ranges.
    if (!(struct instanceof Y.Item) || judging.locator.isKnown(struct)) continue
    const verdict = judgeInsertion(struct, judging)
    if (verdict) return verdict
  }

  for (const [client, ranges] of decoded.deleteSet.clients) {
    for (const range of ranges) {
      const verdict = judgeDeletion(doc, client, range, judging)
      if (verdict) return verdict
    }
  }

  const typedVerdict = judgeNewNodesTyped(judging.target) ?? judgeTagNodes(judging.target)
  if (typedVerdict) return typedVerdict

  const statusChanges: StatusChange[] = []
  const lateEdits: string[] = []
  let targetCharsDelta = 0
  for (const effect of effects.values()) {
    const verdict = judgeSegment(effect, judging, statusChanges, lateEdits)
    if (verdict) return verdict
    targetCharsDelta += effect.tally.insertedChars - effect.tally.removedChars
  }
  if (targetCharsDelta > 0 && options.documentTargetChars) {
    const chars = options.documentTargetChars() + targetCharsDelta
    if (chars > limits.maxDocumentChars) {
      return reject(
        'document_too_long',
        `${chars} characters of target text, at most ${limits.maxDocumentChars}`,
      )
    }
  }
  return { ok: true, statusChanges, targetCharsDelta, lateEdits }
}

function judgeInsertion(item: Y.Item, judging: Judging): Verdict {
  const { locator, actor } = judging
  if (item.content instanceof Y.ContentDoc) {
    return reject('outside_model', 'subdocuments are not part of the model')
  }
  const location = locator.locate(item)
  switch (location.kind) {
    case 'gone':
      return null
    case 'unknown':
      return reject('unknown_dependency', `${describe(item.id)} builds on structs the server lacks`)
    case 'malformed':
      return reject('malformed', `struct ${describe(item.id)} has no resolvable parent`)
  }
  if (!judging.mayWrite) return reject('read_only', `role ${actor.role} may not change documents`)
  switch (location.kind) {
    case 'meta':
      return reject('meta_write', 'document meta is written by the server only')
    case 'foreignRoot':
      return reject('unknown_root', `top-level type "${location.name}" is not part of the model`)
    case 'outside':
      return reject('outside_model', `struct ${describe(item.id)} is outside the document model`)
    case 'segmentList':
      return reject('segment_inserted', 'segments are created by import only')
    case 'segment':
      break
  }
  if (locator.isFromUpdate(location.segment)) {
    return reject('segment_inserted', 'segments are created by import only')
  }
  if (location.segment.deleted) return null
  const effect = judging.effectOn(location.segment)
  const id = segmentId(effect.map)
  const key = location.key
  if (location.nested) {
    if (key === SEGMENT_SUGGESTIONS) {
      return reject('suggestion_added', `segment ${id}: suggestions are added by the server`)
    }
    if (key !== SEGMENT_TARGET) return reject('outside_model', `segment ${id}: inside "${key}"`)
    effect.targetEdited = true
    return judgeTargetInsertion(item, effect.map, id, judging.target, effect.tally)
  }
  const keyVerdict = judgeKey(key, id, judging)
  if (keyVerdict) return keyVerdict
  effect.writtenKeys.add(key)
  // A value written and overwritten within the same update was garbage-collected by the
  // sender; it never becomes visible, so there is nothing to check.
  if (item.content instanceof Y.ContentDeleted) return null
  const value = singleValue(item)
  if (key === SEGMENT_STATUS) {
    if (!isSegmentStatus(value)) {
      return reject('invalid_value', `segment ${id}: status ${JSON.stringify(value)}`)
    }
    effect.statusWrites.push(item)
    return null
  }
  effect.touched = true
  if (REVIEWER_KEYS.has(key)) {
    if (typeof value === 'string' && value.length <= MAX_REVIEW_NOTE_LENGTH) {
      effect.note = value
      return null
    }
    return reject(
      'invalid_value',
      `segment ${id}: "${key}" must be text of at most ${MAX_REVIEW_NOTE_LENGTH}`,
    )
  }
  if (key === SEGMENT_KEYS.updatedBy && value !== actor.userId) {
    return reject('forged_author', `segment ${id}: updatedBy must be the sender`)
  }
  if (key === SEGMENT_KEYS.updatedAt && !(typeof value === 'number' && Number.isFinite(value))) {
    return reject('invalid_value', `segment ${id}: updatedAt ${JSON.stringify(value)}`)
  }
  return null
}

/** Whether a segment-level key may be written or removed at all by this sender. */
function judgeKey(key: string, id: string, judging: Judging): Verdict {
  if (IMMUTABLE_KEYS.has(key)) return reject('immutable_field', `segment ${id}: "${key}" is fixed`)
  if (key === SEGMENT_TARGET) {
    return reject('segment_structure', `segment ${id}: the target is edited, never replaced`)
  }
  if (REVIEWER_KEYS.has(key)) {
    return judging.mayReview
      ? null
      : reject('reviewer_only', `segment ${id}: "${key}" is reviewers'`)
  }
  if (!WRITABLE_KEYS.has(key)) return reject('outside_model', `segment ${id}: unknown key "${key}"`)
  return null
}

function judgeDeletion(
  doc: Y.Doc,
  client: number,
  range: { clock: number; len: number },
  judging: Judging,
): Verdict {
  const end = range.clock + range.len
  const state = Y.getState(doc.store, client)
  if (end > state) {
    // Deleting what the same update inserts is fine (the insertion was judged); deleting
    // clocks nobody has sent yet would delete another peer's future content on arrival.
    const first = Math.max(range.clock, state)
    const { locator } = judging
    if (!locator.find(Y.createID(client, first)) || !locator.find(Y.createID(client, end - 1))) {
      return reject('unknown_dependency', `deletes ${client}:${first}..${end - 1}, never received`)
    }
  }
  if (range.clock >= state) return null
  const structs = doc.store.clients.get(client)
  if (!structs) return null
  for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index++) {
    const struct = structs[index]!
    if (struct.id.clock >= end) break
    if (!(struct instanceof Y.Item) || struct.deleted) continue
    const overlap =
      Math.min(end, struct.id.clock + struct.length) - Math.max(range.clock, struct.id.clock)
    const verdict = judgeRemoval(struct, overlap, judging)
    if (verdict) return verdict
  }
  return null
}

function judgeRemoval(item: Y.Item, overlap: number, judging: Judging): Verdict {
  const location = judging.locator.locate(item)
  if (location.kind === 'gone') return null
  if (!judging.mayWrite) return reject('read_only', `role ${judging.actor.role} may not write`)
  switch (location.kind) {
    case 'segmentList':
      return reject('segment_deleted', 'segments are never deleted by clients')
    case 'meta':
      return reject('meta_write', 'document meta is written by the server only')
    case 'foreignRoot':
      return reject('unknown_root', `top-level type "${location.name}" is not part of the model`)
    case 'segment':
      break
    default:
      return reject('outside_model', `deletes ${describe(item.id)} outside the document model`)
  }
  if (location.segment.deleted) return null
  const effect = judging.effectOn(location.segment)
  const id = segmentId(effect.map)
  const key = location.key
  if (location.nested) {
    if (key === SEGMENT_SUGGESTIONS) {
      // Accepting or dismissing a suggestion removes it: an edit of the segment like any other,
      // so an approved segment's suggestions stay until someone reopens it.
      effect.touched = true
      return null
    }
    if (key !== SEGMENT_TARGET) return reject('outside_model', `segment ${id}: inside "${key}"`)
    effect.targetEdited = true
    tallyTargetRemoval(item, overlap, effect.tally)
    return null
  }
  const keyVerdict = judgeKey(key, id, judging)
  if (keyVerdict) return keyVerdict
  if (REVIEWER_KEYS.has(key)) {
    effect.touched = true
    return null
  }
  // Overwriting a map key deletes the old value; judgeSegment checks a new one was written.
  effect.removedKeys.add(key)
  return null
}

function judgeSegment(
  effect: SegmentEffect,
  judging: Judging,
  changes: StatusChange[],
  lateEdits: string[],
): Verdict {
  const { actor, locator } = judging
  const id = segmentId(effect.map)
  for (const key of effect.removedKeys) {
    if (!effect.writtenKeys.has(key))
      return reject('segment_structure', `segment ${id}: "${key}" removed`)
  }
  const current = segmentStatus(effect.map)
  const writes = new Set(effect.statusWrites)
  const superseded = new Set<Y.Item>()
  let reopened = false
  for (const write of effect.statusWrites) {
    const previous = previousStatusWrite(write, locator)
    if (previous) superseded.add(previous)
    // Each write moves from the value it overwrote in this update, or else from what the
    // segment holds now: a write based on a stale value still lands on the current one.
    const from =
      previous && writes.has(previous) ? (singleValue(previous) as SegmentStatus) : current
    const to = singleValue(write) as SegmentStatus
    if (!may(actor.role, { kind: 'setStatus', from, to })) {
      return reject(
        'status_transition',
        `segment ${id}: ${actor.role} may not move ${from} -> ${to}`,
      )
    }
    if (from === 'approved' && to !== 'approved') reopened = true
  }
  if (current === 'approved' && !reopened && (effect.targetEdited || effect.touched)) {
    // Typing sent before the sender could know of the approval belongs to the approved text;
    // nothing else does (no metadata, no status write, nothing after the sender saw the lock).
    const isLateTyping =
      effect.targetEdited &&
      !effect.touched &&
      effect.statusWrites.length === 0 &&
      judging.unseenApprovals.has(id)
    if (!isLateTyping) return reject('segment_locked', `segment ${id} is approved`)
    lateEdits.push(id)
  }
  if (effect.targetEdited) {
    const sizeVerdict = judgeTargetSize(segmentTarget(effect.map), effect.tally, judging.limits, id)
    if (sizeVerdict) return sizeVerdict
  }
  for (const write of effect.statusWrites) {
    const to = singleValue(write) as SegmentStatus
    if (superseded.has(write) || to === current) continue
    const reason = to === 'rejected' ? effect.note : undefined
    changes.push(
      reason === undefined
        ? { segmentId: id, from: current, to }
        : { segmentId: id, from: current, to, reason },
    )
  }
  return null
}

/** The status write `write` overwrote, when it is one of this update's (ignoring GC'd values). */
function previousStatusWrite(write: Y.Item, locator: Locator): Y.Item | undefined {
  let origin = write.origin
  while (origin) {
    const previous = locator.find(origin)
    if (!(previous instanceof Y.Item) || !locator.isFromUpdate(previous)) return undefined
    if (!(previous.content instanceof Y.ContentDeleted)) return previous
    origin = previous.origin
  }
  return undefined
}

const NO_SEGMENTS: ReadonlySet<string> = new Set()

function singleValue(item: Y.Item): unknown {
  const content = item.content
  if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0]
  return undefined
}

function describe(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}
