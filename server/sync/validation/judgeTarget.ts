import * as Y from 'yjs'
import {
  NODE_TYPE_KEY,
  TAG_NODE_KEYS,
  TARGET_NODE_TYPES,
  isTagKind,
  segmentTags,
  tagKey,
  type SegmentMap,
} from '@qalam/shared/model'
import { reject, type Decision } from './decision.ts'
import { MAX_NODE_PROPERTIES, MAX_NODE_PROPERTY_CHARS, type ContentLimits } from './limits.ts'
import type { Locator } from './locateStruct.ts'
import { measureTarget } from './measureTarget.ts'

/*
 * What may go inside a target: the layout @lexical/yjs writes for the nodes the model lists
 * (`TARGET_NODE_TYPES`). The target XmlText holds blocks, each an embedded XmlText; a block
 * holds text and inline nodes, each an embedded Y.Map of the node's properties. Properties are
 * short scalars. A decorator node (an inline tag's chip) is an XmlElement in a block whose only
 * attributes are `__type`, `__kind` and `__n`, naming a tag of the segment's own list. Anything
 * else (XmlText nested 5,000 deep, a Y.Map `{ __type: "html" }`, an XmlElement of another
 * shape, a tag the segment never had) would break the editor or the export of everyone who
 * opens the document.
 */

type Verdict = Decision | null
type DecodedDeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** Where a struct's container sits below the target: the target itself, a block, an inline node. */
type Level = 'root' | 'block' | 'inline'
const LEVELS: readonly Level[] = ['root', 'block', 'inline']
const MAX_PROPERTY_KEY_LENGTH = 64

const BLOCK_TYPES: ReadonlySet<string> = new Set(TARGET_NODE_TYPES.block)
const INLINE_TYPES: ReadonlySet<string> = new Set(TARGET_NODE_TYPES.inline)
const DECORATOR_TYPES: ReadonlySet<string> = new Set(TARGET_NODE_TYPES.decorator)
const TYPES_AT: Record<Level, ReadonlySet<string>> = {
  root: new Set(),
  block: BLOCK_TYPES,
  inline: INLINE_TYPES,
}
const TAG_KEYS: ReadonlySet<string> = new Set([NODE_TYPE_KEY, TAG_NODE_KEYS.kind, TAG_NODE_KEYS.n])
/** The nodeName yjs gives an XmlElement created without one, as @lexical/yjs creates them. */
const DECORATOR_NODE_NAME = 'UNDEFINED'

/** The tag attributes an update writes on one decorator node (the latest write of each). */
interface TagWrites {
  segment: SegmentMap
  segmentId: string
  kind?: { clock: number; value: unknown }
  n?: { clock: number; value: unknown }
}

/** How an update changes the size of one target. */
export interface TargetTally {
  insertedChars: number
  removedChars: number
  addedNodes: number
  removedNodes: number
}

export function emptyTally(): TargetTally {
  return { insertedChars: 0, removedChars: 0, addedNodes: 0, removedNodes: 0 }
}

/** State of judging the target content of one update. */
export interface TargetJudging {
  locator: Locator
  deleteSet: DecodedDeleteSet
  /** Nodes the update creates, with their level; each must be given its `__type`. */
  newNodes: Map<Y.Item, Level>
  typedNodes: Set<Y.Item>
  /** Property keys written per node in this update. */
  newKeys: Map<Y.Item, Set<string>>
  /** Decorator nodes whose tag attributes the update writes, checked against the tag list. */
  tagWrites: Map<Y.Item, TagWrites>
}

export function startTargetJudging(locator: Locator, deleteSet: DecodedDeleteSet): TargetJudging {
  return {
    locator,
    deleteSet,
    newNodes: new Map(),
    typedNodes: new Set(),
    newKeys: new Map(),
    tagWrites: new Map(),
  }
}

/** The level of the type held by `container` below the target, or null when deeper. */
function levelOf(container: Y.Item, locator: Locator): Level | null {
  let current: Y.Item | null = container
  for (let steps = 0; current && steps < LEVELS.length; steps++) {
    const location = locator.locate(current)
    if (location.kind === 'segment' && !location.nested) return LEVELS[steps]!
    current = locator.holderOf(current)
  }
  return null
}

function typeOf(item: Y.Item): Y.AbstractType<unknown> | null {
  return item.content instanceof Y.ContentType ? item.content.type : null
}

/** Judges one new item placed inside a target, and counts what it adds. */
export function judgeTargetInsertion(
  item: Y.Item,
  segment: SegmentMap,
  segmentId: string,
  judging: TargetJudging,
  tally: TargetTally,
): Verdict {
  const where = `segment ${segmentId}: ${item.id.client}:${item.id.clock}`
  const container = judging.locator.holderOf(item)
  const level = container && levelOf(container, judging.locator)
  if (!container || !level) return reject('target_depth', `${where} is nested too deep`)
  const containerType = typeOf(container)
  const isDecorator = containerType instanceof Y.XmlElement
  const isContainerShaped =
    level === 'inline'
      ? containerType instanceof Y.Map || isDecorator
      : containerType instanceof Y.XmlText
  if (!isContainerShaped) return reject('unknown_node', `${where} is inside a non-Lexical type`)
  if (item.content instanceof Y.ContentDeleted) return null
  if (item.parentSub !== null) {
    if (!isDecorator) return judgeProperty(item, container, level, where, judging)
    return judgeTagProperty(item, container, { segment, segmentId }, where, judging)
  }

  const content = item.content
  if (content instanceof Y.ContentString) {
    if (level !== 'block') return reject('invalid_node', `${where}: text outside a block`)
    tally.insertedChars += item.length
    return null
  }
  const type = typeOf(item)
  if (!type) return reject('invalid_node', `${where}: ${content.constructor.name} in a target`)
  const childLevel: Level | undefined =
    level === 'root' ? 'block' : level === 'block' ? 'inline' : undefined
  if (!childLevel) return reject('invalid_node', `${where}: a list child of an inline node`)
  const isTagElement =
    childLevel === 'inline' && type instanceof Y.XmlElement && type.nodeName === DECORATOR_NODE_NAME
  const expected =
    childLevel === 'block' ? type instanceof Y.XmlText : type instanceof Y.Map || isTagElement
  if (!expected) {
    return type instanceof Y.XmlText
      ? reject('target_depth', `${where}: a block inside a block`)
      : reject('unknown_node', `${where}: a ${type.constructor.name} as a ${childLevel} node`)
  }
  judging.newNodes.set(item, childLevel)
  tally.addedNodes++
  return null
}

function judgeProperty(
  item: Y.Item,
  container: Y.Item,
  level: Level,
  where: string,
  judging: TargetJudging,
): Verdict {
  const key = item.parentSub!
  if (key.length > MAX_PROPERTY_KEY_LENGTH) return reject('invalid_node', `${where}: long key`)
  let keys = judging.newKeys.get(container)
  if (!keys) judging.newKeys.set(container, (keys = new Set()))
  keys.add(key)
  const existing = judging.locator.isFromUpdate(container) ? 0 : existingKeyCount(container)
  if (existing + keys.size > MAX_NODE_PROPERTIES) {
    return reject('invalid_node', `${where}: more than ${MAX_NODE_PROPERTIES} properties`)
  }
  const content = item.content
  const value =
    content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined
  const isScalar =
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= MAX_NODE_PROPERTY_CHARS)
  if (!isScalar) return reject('invalid_node', `${where}: "${key}" is not a short scalar`)
  if (key !== NODE_TYPE_KEY) return null
  if (typeof value !== 'string' || !TYPES_AT[level].has(value)) {
    return reject('unknown_node', `${where}: node type ${JSON.stringify(value)} at ${level} level`)
  }
  judging.typedNodes.add(container)
  return null
}

/** A tag node's attribute: one of its three keys, a known kind, a tag number. */
function judgeTagProperty(
  item: Y.Item,
  container: Y.Item,
  owner: { segment: SegmentMap; segmentId: string },
  where: string,
  judging: TargetJudging,
): Verdict {
  const key = item.parentSub!
  if (!TAG_KEYS.has(key)) return reject('invalid_node', `${where}: a tag node has no "${key}"`)
  const content = item.content
  const value =
    content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined
  if (key === NODE_TYPE_KEY) {
    if (typeof value !== 'string' || !DECORATOR_TYPES.has(value)) {
      return reject('unknown_node', `${where}: decorator type ${JSON.stringify(value)}`)
    }
    judging.typedNodes.add(container)
    return null
  }
  let writes = judging.tagWrites.get(container)
  if (!writes) judging.tagWrites.set(container, (writes = { ...owner }))
  const field = key === TAG_NODE_KEYS.kind ? 'kind' : 'n'
  const previous = writes[field]
  if (!previous || previous.clock < item.id.clock) {
    writes[field] = { clock: item.id.clock, value }
  }
  return null
}

/**
 * Every tag node the update writes ends with a kind and a number naming a tag of its
 * segment's list. A node the update creates must carry both; an existing node keeps what the
 * update does not overwrite.
 */
export function judgeTagNodes(judging: TargetJudging): Verdict {
  for (const [node, writes] of judging.tagWrites) {
    if (Y.isDeleted(judging.deleteSet, node.id)) continue
    const current = judging.locator.isFromUpdate(node) ? null : typeOf(node)
    const attribute = (key: string): unknown =>
      current instanceof Y.XmlElement ? current.getAttribute(key) : undefined
    const kind = writes.kind ? writes.kind.value : attribute(TAG_NODE_KEYS.kind)
    const n = writes.n ? writes.n.value : attribute(TAG_NODE_KEYS.n)
    const where = `segment ${writes.segmentId}: ${node.id.client}:${node.id.clock}`
    if (!isTagKind(kind) || typeof n !== 'number' || !Number.isSafeInteger(n)) {
      return reject('invalid_node', `${where}: a tag node needs a kind and a number`)
    }
    const known = segmentTags(writes.segment).some((tag) => tagKey(tag) === `${kind}:${n}`)
    if (!known) return reject('unknown_tag', `${where}: the segment has no tag ${kind} ${n}`)
  }
  for (const [node, level] of judging.newNodes) {
    const type = typeOf(node)
    if (level !== 'inline' || !(type instanceof Y.XmlElement)) continue
    if (judging.tagWrites.has(node) || Y.isDeleted(judging.deleteSet, node.id)) continue
    return reject('invalid_node', `${node.id.client}:${node.id.clock}: a tag node without its tag`)
  }
  return null
}

function existingKeyCount(container: Y.Item): number {
  const type = typeOf(container)
  return type ? type._map.size : 0
}

/** Every node the update creates (and keeps) names its type in the same update, as Lexical does. */
export function judgeNewNodesTyped(judging: TargetJudging): Verdict {
  for (const [node, level] of judging.newNodes) {
    if (judging.typedNodes.has(node) || Y.isDeleted(judging.deleteSet, node.id)) continue
    return reject(
      'invalid_node',
      `${node.id.client}:${node.id.clock}: a ${level} node without a type`,
    )
  }
  return null
}

/** Counts what deleting `overlap` clocks of a live item inside a target removes. */
export function tallyTargetRemoval(item: Y.Item, overlap: number, tally: TargetTally): void {
  if (item.parentSub !== null) return
  if (item.content instanceof Y.ContentString) tally.removedChars += overlap
  else if (item.content instanceof Y.ContentType) tally.removedNodes++
}

/** Refuses an update that grows a target past the segment limits; shrinking is always allowed. */
export function judgeTargetSize(
  target: Y.XmlText,
  tally: TargetTally,
  limits: ContentLimits,
  segmentId: string,
): Verdict {
  const growsText = tally.insertedChars > tally.removedChars
  const growsNodes = tally.addedNodes > tally.removedNodes
  if (!growsText && !growsNodes) return null
  const now = measureTarget(target)
  const chars = now.chars + tally.insertedChars - tally.removedChars
  if (growsText && chars > limits.maxSegmentChars) {
    return reject(
      'segment_too_long',
      `segment ${segmentId}: ${chars} characters, at most ${limits.maxSegmentChars}`,
    )
  }
  const nodes = now.nodes + tally.addedNodes - tally.removedNodes
  if (growsNodes && nodes > limits.maxSegmentNodes) {
    return reject(
      'segment_too_long',
      `segment ${segmentId}: ${nodes} nodes, at most ${limits.maxSegmentNodes}`,
    )
  }
  return null
}
