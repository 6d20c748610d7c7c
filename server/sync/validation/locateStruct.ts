import * as Y from 'yjs'
import { ROOT_META, ROOT_SEGMENTS } from '@qalam/shared/model'

/*
 * Where in the document model a struct lives, for structs already in the room's doc and for
 * structs of an incoming update that are not integrated yet. A decoded item names its parent
 * in one of three ways: a root name, the ID of the type item that holds it, or (when Yjs saved
 * the bytes) nothing at all, in which case the parent is that of its left or right origin.
 * Those IDs point into the doc or into the same update. This is the same resolution
 * `Item.getMissing` performs when Yjs integrates the item, done without touching the doc.
 */

export type Location =
  /** An element of the segments array: the segment map itself. */
  | { kind: 'segmentList' }
  /** Under `key` of a segment map: the value itself (`nested: false`) or inside it. */
  | { kind: 'segment'; segment: Y.Item; key: string; nested: boolean }
  | { kind: 'meta' }
  | { kind: 'foreignRoot'; name: string }
  /** Inside the model's roots but not where the model puts anything. */
  | { kind: 'outside' }
  /** Its parent was garbage-collected: Yjs turns the struct into a GC, with no effect. */
  | { kind: 'gone' }
  | { kind: 'unknown' }
  | { kind: 'malformed' }

type Struct = Y.Item | Y.GC | Y.Skip

type Parent =
  | { kind: 'root'; name: string; sub: string | null }
  | { kind: 'type'; item: Y.Item; sub: string | null }
  | { kind: 'gone' }
  | { kind: 'unknown' }
  | { kind: 'malformed' }

export interface Locator {
  /** The struct holding `id`, from the doc or the update. */
  find(id: Y.ID): Struct | undefined
  /** True when every clock of `struct` is already in the doc: applying it changes nothing. */
  isKnown(struct: Struct): boolean
  isFromUpdate(item: Y.Item): boolean
  locate(item: Y.Item): Location
  /** The item of the shared type that holds `item`; null for a child of a root type. */
  holderOf(item: Y.Item): Y.Item | null
}

/**
 * Deepest chain of nested types a location is resolved through. The model nests five deep
 * (segments, segment, target, block, inline node); anything deeper is outside it, and is not
 * followed further, so a chain of 20,000 nested types cannot exhaust the stack.
 */
const MAX_NESTING = 16

/** A locator over `doc` plus the decoded, not yet integrated `structs` of one update. */
export function createLocator(doc: Y.Doc, structs: readonly Struct[]): Locator {
  return new UpdateLocator(doc, structs)
}

/*
 * A class rather than closures over the update: the server runs under tsx, whose keepNames
 * transform gives every function created per call a defineProperty for its name, and a
 * locator is created for every update judged (more than half of the judge's time went there
 * in `npm run bench -- validate`'s profile).
 */
class UpdateLocator implements Locator {
  private readonly incoming = new Map<number, Struct[]>()
  private readonly fromUpdate: Set<Struct>
  private readonly parents = new Map<Y.Item, Parent>()
  private readonly locations = new Map<Y.Item, Location>()
  private readonly visiting = new Set<Y.Item>()

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    let isSorted = true
    for (const struct of structs) {
      const list = this.incoming.get(struct.id.client)
      if (!list) this.incoming.set(struct.id.client, [struct])
      else {
        if (struct.id.clock < list[list.length - 1]!.id.clock) isSorted = false
        list.push(struct)
      }
    }
    // Yjs writes each client's structs in clock order; only a crafted update needs sorting.
    if (!isSorted)
      for (const list of this.incoming.values()) list.sort((a, b) => a.id.clock - b.id.clock)
    this.fromUpdate = new Set<Struct>(structs)
  }

  private stateOf(client: number): number {
    return Y.getState(this.doc.store, client)
  }

  private findInUpdate(id: Y.ID): Struct | undefined {
    const list = this.incoming.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return struct instanceof Y.Skip ? undefined : struct
    }
    return undefined
  }

  find(id: Y.ID): Struct | undefined {
    if (id.clock < this.stateOf(id.client)) return Y.getItem(this.doc.store, id) as Y.Item | Y.GC
    return this.findInUpdate(id)
  }

  isKnown(struct: Struct): boolean {
    return struct.id.clock + struct.length <= this.stateOf(struct.id.client)
  }

  isFromUpdate(item: Y.Item): boolean {
    return this.fromUpdate.has(item)
  }

  holderOf(item: Y.Item): Y.Item | null {
    const parent = this.parentOf(item)
    return parent.kind === 'type' ? parent.item : null
  }

  private parentOfIntegrated(item: Y.Item): Parent {
    const type = item.parent as Y.AbstractType<unknown>
    if (type._item === null)
      return { kind: 'root', name: Y.findRootTypeKey(type), sub: item.parentSub }
    return { kind: 'type', item: type._item, sub: item.parentSub }
  }

  private parentNamedBy(item: Y.Item): Parent {
    const parent = item.parent as Y.ID | string
    if (typeof parent === 'string') return { kind: 'root', name: parent, sub: item.parentSub }
    const holder = this.find(parent)
    if (holder === undefined) return { kind: 'unknown' }
    if (holder instanceof Y.GC) return { kind: 'gone' }
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType))
      return { kind: 'malformed' }
    if (holder.id.clock !== parent.clock) return { kind: 'malformed' }
    return { kind: 'type', item: holder, sub: item.parentSub }
  }

  // Typing produces long origin chains inside one update (each character's origin is the one
  // before it), so the walk to an item that names its parent is iterative and memoized.
  private parentOf(start: Y.Item): Parent {
    const chain = new Set<Y.Item>()
    let item: Y.Item = start
    let result: Parent | undefined
    for (;;) {
      const known = this.parents.get(item)
      if (known) {
        result = known
        break
      }
      if (!this.fromUpdate.has(item)) {
        result = this.parentOfIntegrated(item)
        break
      }
      chain.add(item)
      if (item.parent !== null) {
        result = this.parentNamedBy(item)
        break
      }
      const left = item.origin ? this.find(item.origin) : undefined
      const right = item.rightOrigin ? this.find(item.rightOrigin) : undefined
      if ((item.origin && left === undefined) || (item.rightOrigin && right === undefined)) {
        result = { kind: 'unknown' }
        break
      }
      if (left instanceof Y.GC || right instanceof Y.GC) {
        result = { kind: 'gone' }
        break
      }
      const neighbour = left ?? right
      if (!(neighbour instanceof Y.Item) || chain.has(neighbour)) {
        result = { kind: 'malformed' }
        break
      }
      item = neighbour
    }
    for (const link of chain) this.parents.set(link, result)
    return result
  }

  locate(item: Y.Item): Location {
    const cached = this.locations.get(item)
    if (cached) return cached
    if (this.visiting.has(item)) return { kind: 'malformed' }
    if (this.visiting.size >= MAX_NESTING) return { kind: 'outside' }
    this.visiting.add(item)
    const location = this.locateUncached(item)
    this.visiting.delete(item)
    this.locations.set(item, location)
    return location
  }

  private locateUncached(item: Y.Item): Location {
    const parent = this.parentOf(item)
    switch (parent.kind) {
      case 'gone':
      case 'unknown':
      case 'malformed':
        return parent
      case 'root':
        if (parent.name === ROOT_SEGMENTS)
          return parent.sub === null ? { kind: 'segmentList' } : { kind: 'outside' }
        if (parent.name === ROOT_META) return { kind: 'meta' }
        return { kind: 'foreignRoot', name: parent.name }
      case 'type': {
        const holder = this.locate(parent.item)
        switch (holder.kind) {
          case 'segmentList':
            return parent.sub === null
              ? { kind: 'outside' }
              : { kind: 'segment', segment: parent.item, key: parent.sub, nested: false }
          case 'segment':
            return { ...holder, nested: true }
          default:
            return holder
        }
      }
    }
  }
}
