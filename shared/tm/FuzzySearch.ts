import { createCodedTokens, type CodedTokens } from './codedTokens.ts'
import { editDistance, scoreFromDistance } from './editDistance.ts'
import type { PostingPool } from './PostingPool.ts'
import { scoreBound } from './scoreBound.ts'
import type { SlotTable } from './SlotTable.ts'
import { lowerBound } from './sortedLists.ts'
import { KIND_CODES, WEIGHT_BY_KIND } from './tokenCost.ts'
import type { TokenVocabulary } from './TokenVocabulary.ts'
import type { TopMatches } from './TopMatches.ts'

/** A query as the search reads it. */
export interface SearchQuery {
  tokens: CodedTokens
  /** Sum of its tokens' weights, and of its words' alone (tenths of a word). */
  weight: number
  wordWeight: number
  /** How often each of its (known) word stems occurs in it. */
  multiplicity: Map<number, number>
  /** `contextHash` of its neighbours, 0 when unknown. */
  context: number
  /** Target language code units must have, -1 for any. */
  langFilter: number
}

/** Units longer than this are indexed by their first tokens only (see `TmIndex`). */
export const MAX_TOKENS = 1000
const WORD = KIND_CODES.word
const WORD_WEIGHT = WEIGHT_BY_KIND[WORD]!
// Priming scores at most this many units found among the rarest query words, when their
// posting lists are short enough together.
const PRIME_TERMS = 3
const PRIME_POSTINGS = 20_000
const PRIME_UNITS = 32
// A binary search costs about this many steps of a linear walk through a posting list.
const PROBE_COST = 24
// Candidates are ordered by bound in this many buckets: a counting sort, not a comparison sort.
const BUCKETS = 1024
// Bounds and scores are computed in floating point; a bound equal to a score must not lose to it.
const EPSILON = 1e-9

/** Weights and stem counts of a coded query. */
export function describeQuery(
  tokens: CodedTokens,
  context: number,
  langFilter: number,
): SearchQuery {
  let weight = 0
  let wordWeight = 0
  const multiplicity = new Map<number, number>()
  for (let i = 0; i < tokens.length; i++) {
    weight += WEIGHT_BY_KIND[tokens.kind[i]!]!
    if (tokens.kind[i] !== WORD) continue
    wordWeight += WORD_WEIGHT
    const stem = tokens.stem[i]!
    if (stem >= 0) multiplicity.set(stem, (multiplicity.get(stem) ?? 0) + 1)
  }
  return { tokens, weight, wordWeight, multiplicity, context, langFilter }
}

/**
 * Finds the units that score best against a query, exactly: shared word stems counted from the
 * rarest term on until no unseen unit can reach the score to beat, then candidates scored by
 * edit distance in the order of an upper bound, stopping at the first bound below the best.
 */
export class FuzzySearch {
  // Scratch buffers, sized to the slots and reused between lookups.
  private shared = new Uint16Array(0)
  private touched = new Int32Array(1024)
  private postings: Uint32Array = new Uint32Array(1024)
  // Priming's counts per slot (zero between lookups) and the slots it saw.
  private primeHits = new Uint8Array(0)
  private readonly primeSeen = new Int32Array(PRIME_POSTINGS)
  private readonly unitTokens: CodedTokens = createCodedTokens(MAX_TOKENS)
  // Verification's per-candidate bounds, buckets and order, and its bucket offsets: reused, as
  // a frequent word can make a lookup's candidates a large share of the memory, and fresh
  // arrays of that size each lookup are what makes the collector pause in the middle of one.
  private bounds = new Float32Array(1024)
  private bucketOf = new Uint16Array(1024)
  private order = new Int32Array(1024)
  private readonly bucketStart = new Int32Array(BUCKETS + 1)
  private readonly bucketFill = new Int32Array(BUCKETS)

  constructor(
    private readonly vocabulary: TokenVocabulary,
    private readonly pool: PostingPool,
    private readonly slots: SlotTable,
  ) {}

  /** Offers `top` every unit that can be among the best for `query`. */
  lookup(query: SearchQuery, top: TopMatches): void {
    // A unit sharing no word with the query scores at most placeables / weight: when that can
    // reach the threshold (a segment of numbers and tags), only a scan is exact.
    if ((query.weight - query.wordWeight) / query.weight >= top.threshold) {
      this.scan(query, top)
      return
    }
    const terms = [...query.multiplicity].sort(
      ([a], [b]) => this.pool.count(a) - this.pool.count(b),
    )
    this.primeThreshold(top, terms, query)
    const candidates = this.countSharedWords(terms, top, query)
    this.verify(top, candidates, query)
    for (let i = 0; i < candidates; i++) this.shared[this.touched[i]!] = 0
  }

  /**
   * Scores the few units that have most of the query's rarest words (a near-duplicate has them
   * all), so that the threshold a match must reach is high before the frequent words are read:
   * the higher it is, the sooner no unseen unit can reach it.
   */
  private primeThreshold(
    top: TopMatches,
    terms: readonly (readonly [number, number])[],
    query: SearchQuery,
  ): void {
    const probes = terms.slice(0, PRIME_TERMS)
    let total = 0
    for (const [stem] of probes) total += this.pool.count(stem)
    if (total === 0 || total > PRIME_POSTINGS) return
    const needed = Math.min(2, probes.length)
    // Per-slot counts in a scratch array, units in order of first sight: no map in this loop.
    if (this.primeHits.length < this.slots.count)
      this.primeHits = new Uint8Array(this.slots.capacity)
    const hits = this.primeHits
    const seen = this.primeSeen
    let seenCount = 0
    for (const [stem] of probes) {
      const count = this.pool.count(stem)
      this.postings = this.pool.read(stem, this.postings)
      let previous = -1
      for (let i = 0; i < count; i++) {
        const slot = this.postings[i]!
        if (slot !== previous) {
          if (hits[slot] === 0) seen[seenCount++] = slot
          hits[slot]!++
        }
        previous = slot
      }
    }
    const likely: number[] = []
    for (let k = 0; k < seenCount; k++) {
      if (hits[seen[k]!]! >= needed) likely.push(seen[k]!)
    }
    // Stable: among equal counts, the first seen first.
    likely.sort((a, b) => hits[b]! - hits[a]!)
    for (let k = 0; k < seenCount; k++) hits[seen[k]!] = 0
    for (const slot of likely.slice(0, PRIME_UNITS)) {
      if (!this.slots.isAlive(slot)) continue
      if (query.langFilter >= 0 && this.slots.targetLang(slot) !== query.langFilter) continue
      this.score(top, slot, query)
    }
  }

  /**
   * Counts, per unit, the weight of the query's word stems it has (as often as both have
   * them), rarest term first, admitting new units only while they could still reach the
   * threshold. Returns how many units `touched` holds; `shared` holds their counts.
   */
  private countSharedWords(
    terms: readonly (readonly [number, number])[],
    top: TopMatches,
    query: SearchQuery,
  ): number {
    if (this.shared.length < this.slots.count) this.shared = new Uint16Array(this.slots.capacity)
    const placeableWeight = query.weight - query.wordWeight
    let remaining = 0
    for (const [, count] of terms) remaining += count * WORD_WEIGHT
    let touchedCount = 0
    for (const [stem, count] of terms) {
      // A unit not seen yet shares at most the remaining words: once those and every
      // placeable cannot reach the threshold, rarer terms have already found every candidate.
      const admits = (placeableWeight + remaining) / query.weight + EPSILON >= top.threshold
      if (!admits) {
        touchedCount = this.keepPossible(touchedCount, remaining, top.threshold, query)
      }
      const total = this.pool.count(stem)
      this.postings = this.pool.read(stem, this.postings)
      const list = this.postings
      remaining -= count * WORD_WEIGHT
      // A frequent term after admission closed: look each candidate up in its sorted list
      // rather than walking hundreds of thousands of postings.
      if (!admits && touchedCount * PROBE_COST < total) {
        for (let k = 0; k < touchedCount; k++) {
          const slot = this.touched[k]!
          let at = lowerBound(list, total, slot)
          let found = 0
          while (at < total && list[at] === slot && found < count) {
            found++
            at++
          }
          this.shared[slot] = this.shared[slot]! + found * WORD_WEIGHT
        }
        continue
      }
      let previous = -1
      let occurrence = 0
      for (let i = 0; i < total; i++) {
        const slot = list[i]!
        occurrence = slot === previous ? occurrence + 1 : 1
        previous = slot
        if (occurrence > count) continue
        const shared = this.shared[slot]!
        if (shared === 0) {
          if (!admits) continue
          if (touchedCount === this.touched.length) {
            const grown = new Int32Array(this.touched.length * 2)
            grown.set(this.touched)
            this.touched = grown
          }
          this.touched[touchedCount++] = slot
        }
        this.shared[slot] = shared + WORD_WEIGHT
      }
    }
    return touchedCount
  }

  /**
   * Drops the candidates that cannot reach `threshold` even if they have every word still to
   * be counted (`remaining`), or that are removed or in another language, and returns how many
   * are left at the front of `touched`. Dropped ones are reset to not counted.
   */
  private keepPossible(
    touchedCount: number,
    remaining: number,
    threshold: number,
    query: SearchQuery,
  ): number {
    let kept = 0
    for (let k = 0; k < touchedCount; k++) {
      const slot = this.touched[k]!
      const possible =
        this.slots.isAlive(slot) &&
        (query.langFilter < 0 || this.slots.targetLang(slot) === query.langFilter) &&
        scoreBound(
          query.weight,
          query.wordWeight,
          this.slots.weight(slot),
          this.slots.wordWeight(slot),
          this.shared[slot]! + remaining,
        ) +
          EPSILON >=
          threshold
      if (possible) this.touched[kept++] = slot
      else this.shared[slot] = 0
    }
    return kept
  }

  /** Scores the counted candidates by edit distance, highest bound first, while one can still win. */
  private verify(top: TopMatches, candidates: number, query: SearchQuery): void {
    // Candidates are scored in order of their bound, highest first (bucketed, not sorted), and
    // scoring stops at the first bound below the score a match must now beat.
    if (this.bounds.length < candidates) {
      const size = Math.max(candidates, this.bounds.length * 2)
      this.bounds = new Float32Array(size)
      this.bucketOf = new Uint16Array(size)
      this.order = new Int32Array(size)
    }
    const bounds = this.bounds
    const bucketOf = this.bucketOf
    const bucketStart = this.bucketStart.fill(0)
    for (let i = 0; i < candidates; i++) {
      const slot = this.touched[i]!
      if (
        !this.slots.isAlive(slot) ||
        (query.langFilter >= 0 && this.slots.targetLang(slot) !== query.langFilter)
      ) {
        bounds[i] = -1
        continue
      }
      const bound = scoreBound(
        query.weight,
        query.wordWeight,
        this.slots.weight(slot),
        this.slots.wordWeight(slot),
        this.shared[slot]!,
      )
      bounds[i] = bound
      if (bound + EPSILON < top.threshold) continue
      const bucket = Math.min(BUCKETS - 1, Math.floor(bound * (BUCKETS - 1)))
      bucketOf[i] = bucket
      bucketStart[bucket + 1]!++
    }
    for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1]! += bucketStart[b]!
    const order = this.order
    const fill = this.bucketFill
    fill.set(bucketStart.subarray(0, BUCKETS))
    for (let i = 0; i < candidates; i++) {
      if (bounds[i]! + EPSILON < top.threshold) continue
      order[fill[bucketOf[i]!]!++] = i
    }
    for (let b = BUCKETS - 1; b >= 0; b--) {
      for (let k = bucketStart[b]!; k < bucketStart[b + 1]!; k++) {
        const i = order[k]!
        if (bounds[i]! + EPSILON < top.threshold) continue
        if ((b + 1) / (BUCKETS - 1) + EPSILON < top.threshold) return
        this.score(top, this.touched[i]!, query)
      }
    }
  }

  /** Scores every unit whose bound, from its own tokens, reaches the threshold. */
  scan(query: SearchQuery, top: TopMatches): void {
    // How many more of each stem the query can still pair, per unit; what a unit consumed is
    // given back through `used` before the next one.
    const wanted = new Uint16Array(this.vocabulary.stemCount)
    for (const [stem, count] of query.multiplicity) wanted[stem] = count
    const used = new Int32Array(MAX_TOKENS)
    for (let slot = 0; slot < this.slots.count; slot++) {
      if (!this.slots.isAlive(slot)) continue
      if (query.langFilter >= 0 && this.slots.targetLang(slot) !== query.langFilter) continue
      const weight = this.slots.weight(slot)
      if (
        Math.min(weight, query.weight) / Math.max(weight, query.weight, 1) + EPSILON <
        top.threshold
      )
        continue
      const page = this.slots.tokenPage(slot)
      const start = this.slots.tokenOffset(slot)
      const end = start + this.slots.tokenCount(slot)
      let shared = 0
      let usedCount = 0
      for (let i = start; i < end; i++) {
        const surface = page[i]!
        if (this.vocabulary.kindOf(surface) !== WORD) continue
        const stem = this.vocabulary.stemOf(surface)
        if (wanted[stem] === 0) continue
        wanted[stem]!--
        used[usedCount++] = stem
        shared += WORD_WEIGHT
      }
      for (let k = 0; k < usedCount; k++) wanted[used[k]!]!++
      const bound = scoreBound(
        query.weight,
        query.wordWeight,
        weight,
        this.slots.wordWeight(slot),
        shared,
      )
      if (bound + EPSILON >= top.threshold) this.score(top, slot, query)
    }
  }

  /** Scores one unit by edit distance, giving up once it cannot reach the threshold. */
  private score(top: TopMatches, slot: number, query: SearchQuery): void {
    const surfaces = this.slots.surfaces(slot)
    const unit = this.unitTokens
    for (let i = 0; i < surfaces.length; i++) {
      const surface = surfaces[i]!
      unit.surface[i] = surface
      unit.stem[i] = this.vocabulary.stemOf(surface)
      unit.kind[i] = this.vocabulary.kindOf(surface)
    }
    unit.length = surfaces.length
    const weight = this.slots.weight(slot)
    const heavier = Math.max(weight, query.weight)
    const allowed = Math.floor((1 - top.threshold) * heavier + EPSILON)
    const distance = editDistance(unit, query.tokens, allowed)
    if (distance > allowed) return
    const inContext = query.context !== 0 && this.slots.context(slot) === query.context
    top.offer({
      id: this.slots.id(slot),
      score: scoreFromDistance(distance, weight, query.weight),
      inContext,
    })
  }
}
