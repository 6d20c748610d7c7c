// Per-unit data of the index in typed arrays indexed by slot (the order units were added), and
// every unit's token ids in pages, so that growing never copies the tokens of a million units.
const TOKEN_PAGE = 1 << 22

/** What the index keeps of one unit. */
export interface SlotEntry {
  id: number
  surfaces: Int32Array
  weight: number
  wordWeight: number
  context: number
  targetLang: number
}

/** Append-only table of units by slot; removal leaves a dead slot behind. */
export class SlotTable {
  private ids = new Float64Array(1024)
  private tokenStart = new Float64Array(1024)
  private tokenCounts = new Uint16Array(1024)
  private weights = new Uint16Array(1024)
  private wordWeights = new Uint16Array(1024)
  private contexts = new Int32Array(1024)
  private langs = new Uint8Array(1024)
  private alive = new Uint8Array(1024)
  private readonly pages: Int32Array[] = []
  // Ids usually arrive in increasing order (a store's row ids): while they do, the slot of an
  // id is found by binary search in `ids`, with no map of a million entries. Ids that arrive
  // out of order, and units added again under their id, are kept in `laterIds`.
  private sortedSlots = 0
  private readonly laterIds = new Map<number, number>()
  private living = 0
  private pageFill = TOKEN_PAGE
  private slots = 0

  /** Units alive. */
  get size(): number {
    return this.living
  }

  /** The slot of the live unit with this id, or -1. */
  find(id: number): number {
    const later = this.laterIds.get(id)
    if (later !== undefined) return later
    let low = 0
    let high = this.sortedSlots
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.ids[middle]! < id) low = middle + 1
      else high = middle
    }
    return low < this.sortedSlots && this.ids[low] === id && this.alive[low] === 1 ? low : -1
  }

  /** Slots used, dead ones included. */
  get count(): number {
    return this.slots
  }

  /** Slots allocated. */
  get capacity(): number {
    return this.ids.length
  }

  /** Stores `entry` in the next slot and returns that slot; its id must not be alive already. */
  add(entry: SlotEntry): number {
    if (this.slots === this.ids.length) this.grow()
    const slot = this.slots++
    if (this.pageFill + entry.surfaces.length > TOKEN_PAGE) {
      this.pages.push(new Int32Array(TOKEN_PAGE))
      this.pageFill = 0
    }
    const page = this.pages.length - 1
    this.pages[page]!.set(entry.surfaces, this.pageFill)
    this.tokenStart[slot] = page * TOKEN_PAGE + this.pageFill
    this.pageFill += entry.surfaces.length
    this.ids[slot] = entry.id
    this.tokenCounts[slot] = entry.surfaces.length
    this.weights[slot] = entry.weight
    this.wordWeights[slot] = entry.wordWeight
    this.contexts[slot] = entry.context
    this.langs[slot] = entry.targetLang
    this.alive[slot] = 1
    this.living++
    const inOrder = this.sortedSlots === slot && (slot === 0 || this.ids[slot - 1]! < entry.id)
    if (inOrder) this.sortedSlots++
    else this.laterIds.set(entry.id, slot)
    return slot
  }

  /** Marks the unit in `slot` removed; its slot is never reused. */
  kill(slot: number): void {
    if (this.alive[slot] !== 1) return
    this.alive[slot] = 0
    this.living--
    this.laterIds.delete(this.ids[slot]!)
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1
  }

  id(slot: number): number {
    return this.ids[slot]!
  }

  weight(slot: number): number {
    return this.weights[slot]!
  }

  wordWeight(slot: number): number {
    return this.wordWeights[slot]!
  }

  context(slot: number): number {
    return this.contexts[slot]!
  }

  targetLang(slot: number): number {
    return this.langs[slot]!
  }

  /** The page holding the unit's token ids, from `tokenOffset` for `tokenCount` ids. */
  tokenPage(slot: number): Int32Array {
    return this.pages[Math.floor(this.tokenStart[slot]! / TOKEN_PAGE)]!
  }

  tokenOffset(slot: number): number {
    return this.tokenStart[slot]! % TOKEN_PAGE
  }

  tokenCount(slot: number): number {
    return this.tokenCounts[slot]!
  }

  /** The unit's token surface ids: a view, valid until the next `add`. */
  surfaces(slot: number): Int32Array {
    const start = this.tokenStart[slot]!
    const page = Math.floor(start / TOKEN_PAGE)
    const offset = start - page * TOKEN_PAGE
    return this.pages[page]!.subarray(offset, offset + this.tokenCounts[slot]!)
  }

  get byteLength(): number {
    const perSlot = 8 + 8 + 2 + 2 + 2 + 4 + 1 + 1
    return this.ids.length * perSlot + this.pages.length * TOKEN_PAGE * 4
  }

  private grow(): void {
    const size = this.ids.length * 2
    const grown = <T extends Float64Array | Uint16Array | Int32Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(size)
      next.set(old)
      return next
    }
    this.ids = grown(this.ids, (n) => new Float64Array(n))
    this.tokenStart = grown(this.tokenStart, (n) => new Float64Array(n))
    this.tokenCounts = grown(this.tokenCounts, (n) => new Uint16Array(n))
    this.weights = grown(this.weights, (n) => new Uint16Array(n))
    this.wordWeights = grown(this.wordWeights, (n) => new Uint16Array(n))
    this.contexts = grown(this.contexts, (n) => new Int32Array(n))
    this.langs = grown(this.langs, (n) => new Uint8Array(n))
    this.alive = grown(this.alive, (n) => new Uint8Array(n))
  }
}
