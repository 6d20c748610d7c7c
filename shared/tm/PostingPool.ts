// Posting lists of many terms in one pool of fixed-size pages, so that a million units do not
// mean a hundred thousand small typed arrays (each with its own header) nor one huge array
// copied whenever it grows. A list is a chain of blocks whose capacity doubles up to a limit;
// a block is [next block address, capacity, ...entries] and never crosses a page.

const PAGE_BITS = 20
const PAGE_SIZE = 1 << PAGE_BITS
const FIRST_BLOCK = 2
const LARGEST_BLOCK = 4096
const HEADER = 2
const NONE = 0xffffffff

/**
 * Append-only lists of unsigned 32-bit integers, one per term id, read back in the order they
 * were appended. Terms are dense small integers.
 */
export class PostingPool {
  private readonly pages: Uint32Array[] = []
  private pageFill = PAGE_SIZE
  private heads = new Uint32Array(1024).fill(NONE)
  private tails = new Uint32Array(1024).fill(NONE)
  private tailFill = new Uint32Array(1024)
  private counts = new Uint32Array(1024)

  /** How many entries `term`'s list holds. */
  count(term: number): number {
    return term < this.counts.length ? this.counts[term]! : 0
  }

  /** Appends `value` to `term`'s list. */
  append(term: number, value: number): void {
    this.ensureTerm(term)
    let tail = this.tails[term]!
    let fill = this.tailFill[term]!
    if (tail === NONE || fill === this.capacityAt(tail)) {
      const capacity =
        tail === NONE ? FIRST_BLOCK : Math.min(LARGEST_BLOCK, this.capacityAt(tail) * 2)
      const block = this.allocate(capacity)
      if (tail === NONE) this.heads[term] = block
      else this.write(tail, block)
      tail = block
      fill = 0
      this.tails[term] = tail
    }
    this.write(tail + HEADER + fill, value)
    this.tailFill[term] = fill + 1
    this.counts[term]!++
  }

  /**
   * Copies `term`'s list into `into` from index 0 (growing it when too small) and returns the
   * array holding the entries, valid up to `count(term)`.
   */
  read(term: number, into: Uint32Array): Uint32Array {
    const total = this.count(term)
    const out = into.length >= total ? into : new Uint32Array(total * 2)
    let block = total === 0 ? NONE : this.heads[term]!
    let copied = 0
    while (block !== NONE && copied < total) {
      const page = this.pages[block >>> PAGE_BITS]!
      const offset = block & (PAGE_SIZE - 1)
      const take = Math.min(page[offset + 1]!, total - copied)
      out.set(page.subarray(offset + HEADER, offset + HEADER + take), copied)
      copied += take
      block = page[offset]!
    }
    return out
  }

  /** Bytes held by the pool's pages and tables. */
  get byteLength(): number {
    const tables =
      this.heads.byteLength +
      this.tails.byteLength +
      this.tailFill.byteLength +
      this.counts.byteLength
    return this.pages.length * PAGE_SIZE * 4 + tables
  }

  private capacityAt(block: number): number {
    return this.pages[block >>> PAGE_BITS]![(block & (PAGE_SIZE - 1)) + 1]!
  }

  private write(address: number, value: number): void {
    this.pages[address >>> PAGE_BITS]![address & (PAGE_SIZE - 1)] = value
  }

  private allocate(capacity: number): number {
    const size = HEADER + capacity
    if (this.pageFill + size > PAGE_SIZE) {
      this.pages.push(new Uint32Array(PAGE_SIZE))
      this.pageFill = 0
    }
    const page = this.pages.length - 1
    const address = (page << PAGE_BITS) + this.pageFill
    const data = this.pages[page]!
    data[this.pageFill] = NONE
    data[this.pageFill + 1] = capacity
    this.pageFill += size
    return address >>> 0
  }

  private ensureTerm(term: number): void {
    if (term < this.heads.length) return
    let size = this.heads.length
    while (size <= term) size *= 2
    const grow = (old: Uint32Array, fill: number) => {
      const next = new Uint32Array(size).fill(fill)
      next.set(old)
      return next
    }
    this.heads = grow(this.heads, NONE)
    this.tails = grow(this.tails, NONE)
    this.tailFill = grow(this.tailFill, 0)
    this.counts = grow(this.counts, 0)
  }
}
