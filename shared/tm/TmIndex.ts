import { foldText, stemKeys } from '../text/index.ts'
import { createCodedTokens, type CodedTokens } from './codedTokens.ts'
import { editDistance, scoreFromDistance } from './editDistance.ts'
import { PostingPool } from './PostingPool.ts'
import { scoreBound } from './scoreBound.ts'
import { KIND_CODES, WEIGHT_BY_KIND } from './tokenCost.ts'
import { tokenize } from './tokenize.ts'
import { TokenVocabulary } from './TokenVocabulary.ts'
import { contextHash } from './contextHash.ts'
import { SlotTable } from './SlotTable.ts'
import { TopMatches, type IndexMatch } from './TopMatches.ts'

/** What the index needs of a translation unit; the texts themselves are not kept. */
export interface TmIndexUnit {
  /** The store's id of the unit: a non-negative integer. */
  id: number
  source: string
  target: string
  targetLang: string
  /** Sources of the neighbouring segments where the unit was translated, for 101 % matches. */
  prev?: string | undefined
  next?: string | undefined
}

/** Options of a fuzzy lookup. */
export interface LookupOptions {
  prev?: string | undefined
  next?: string | undefined
  /** How many matches at most, best first (default 5). */
  limit?: number
  /** Lowest score returned, in [0, 1] (default 0.5, the lowest band CAT tools show). */
  minScore?: number
  /** Only units translated into this language. */
  targetLang?: string
}

/** Options of a concordance search. */
export interface ConcordanceOptions {
  side: 'source' | 'target'
  /** Language of the query words, for folding and stemming; defaults to the side's languages. */
  lang?: string
  /** Only units translated into this language. */
  targetLang?: string
}

export type { IndexMatch }

// Units longer than this are indexed by their first tokens only: a segment of a thousand tokens
// is a paragraph that failed to split, and its weight must fit 16 bits.
const MAX_TOKENS = 1000
const WORD = KIND_CODES.word
const WORD_CACHE_LIMIT = 100_000
// Priming scores at most this many units found among the rarest query words, when their
// posting lists are short enough together.
const PRIME_TERMS = 3
const PRIME_POSTINGS = 20_000
const PRIME_UNITS = 32
// A binary search costs about this many steps of a linear walk through a posting list.
const PROBE_COST = 24
const WORD_WEIGHT = WEIGHT_BY_KIND[WORD]!
// Candidates are ordered by bound in this many buckets: a counting sort, not a comparison sort.
const BUCKETS = 1024
// Bounds and scores are computed in floating point; a bound equal to a score must not lose to it.
const EPSILON = 1e-9

/**
 * An in-memory index of one memory's units for one source language: fuzzy lookup (filter by
 * shared word stems and weights, then exact token edit distance on the few that can still win)
 * and concordance candidates. Holds token ids, not texts, so a million units fit in a few
 * hundred megabytes; units can be added and removed while it serves lookups.
 */
export class TmIndex {
  readonly sourceLang: string
  private readonly vocabulary: TokenVocabulary
  private readonly sourcePostings = new PostingPool()
  private readonly targetPostings = new PostingPool()
  private readonly targetStemIds = new Map<string, number>()
  private readonly targetLangCodes = new Map<string, number>()
  private readonly slots = new SlotTable()
  // Target words seen before are not folded and stemmed again; bounded, only a shortcut.
  private readonly targetWordStems = new Map<string, number | number[]>()
  // Scratch buffers of lookups, sized to the slots and reused.
  private shared = new Uint16Array(0)
  private touched = new Int32Array(1024)
  private postings: Uint32Array = new Uint32Array(1024)
  private readonly unitTokens: CodedTokens = createCodedTokens(MAX_TOKENS)
  private readonly addTokens: CodedTokens = createCodedTokens(4 * MAX_TOKENS)

  constructor(sourceLang: string) {
    this.sourceLang = sourceLang
    this.vocabulary = new TokenVocabulary(sourceLang)
  }

  /** Number of units that can be found. */
  get size(): number {
    return this.slots.size
  }

  /** Adds `unit`, replacing the unit with the same id if there is one. */
  add(unit: TmIndexUnit): void {
    this.remove(unit.id)
    const { coded } = this.vocabulary.encode(unit.source, true, this.addTokens)
    const length = Math.min(coded.length, MAX_TOKENS)
    let weight = 0
    let wordWeight = 0
    for (let i = 0; i < length; i++) {
      const kindWeight = WEIGHT_BY_KIND[coded.kind[i]!]!
      weight += kindWeight
      if (coded.kind[i] === WORD) wordWeight += kindWeight
    }
    const slot = this.slots.add({
      id: unit.id,
      surfaces: coded.surface.subarray(0, length),
      weight,
      wordWeight,
      context: contextHash(unit.prev, unit.next),
      targetLang: this.targetLangCode(unit.targetLang),
    })
    // Postings are appended in slot order, each stem once per occurrence, so every list is
    // sorted and a unit's repeated words sit next to each other.
    for (let i = 0; i < length; i++) {
      if (coded.kind[i] === WORD) this.sourcePostings.append(coded.stem[i]!, slot)
    }
    for (const id of this.targetWordStemIds(unit.target, unit.targetLang)) {
      this.targetPostings.append(id, slot)
    }
  }

  /** Removes the unit with this id; false when there was none. Its slot stays as a tombstone. */
  remove(id: number): boolean {
    const slot = this.slots.find(id)
    if (slot < 0) return false
    this.slots.kill(slot)
    return true
  }

  /** Whether a unit with this id is in the index. */
  has(id: number): boolean {
    return this.slots.find(id) >= 0
  }

  /**
   * The best units for `source`, best first: at most `limit`, each scoring at least `minScore`
   * (1 − weighted token edit distance / heavier weight, over folded and stemmed tokens), with
   * `inContext` when its neighbours were the same. Exact: no unit scoring above the last one
   * returned is left out.
   */
  lookup(source: string, options: LookupOptions = {}): IndexMatch[] {
    const limit = Math.max(1, options.limit ?? 5)
    const minScore = options.minScore ?? 0.5
    const { coded: query } = this.vocabulary.encode(source, false)
    if (query.length === 0 || this.size === 0) return []
    const langFilter = this.langFilter(options.targetLang)
    if (langFilter === null) return []
    const { queryWeight, queryWordWeight, multiplicity } = profileQuery(query)
    const context = contextHash(options.prev, options.next)
    const top = new TopMatches(limit, minScore)
    const placeableWeight = queryWeight - queryWordWeight
    // A unit sharing no word with the query scores at most placeables / weight: when that can
    // reach the threshold (a segment of numbers and tags), only a scan is exact.
    if (placeableWeight / queryWeight >= minScore) {
      this.scanInto(top, query, queryWeight, queryWordWeight, multiplicity, context, langFilter)
      return top.sorted()
    }
    const terms = [...multiplicity].sort(
      ([a], [b]) => this.sourcePostings.count(a) - this.sourcePostings.count(b),
    )
    this.primeThreshold(top, terms, query, queryWeight, context, langFilter)
    const candidates = this.countSharedWords(terms, top, queryWeight, queryWordWeight, langFilter)
    this.verify(top, candidates, query, queryWeight, queryWordWeight, context, langFilter)
    for (let i = 0; i < candidates; i++) this.shared[this.touched[i]!] = 0
    return top.sorted()
  }

  /**
   * Every unit, scored the slow and certain way: each one's bound from its own tokens and an
   * edit distance where the bound allows. For checking `lookup` and for segments made of
   * placeables; costs a pass over the whole memory.
   */
  scan(source: string, options: LookupOptions = {}): IndexMatch[] {
    const { coded: query } = this.vocabulary.encode(source, false)
    const top = new TopMatches(Math.max(1, options.limit ?? 5), options.minScore ?? 0.5)
    const langFilter = this.langFilter(options.targetLang)
    if (query.length === 0 || langFilter === null) return []
    const { queryWeight, queryWordWeight, multiplicity } = profileQuery(query)
    const context = contextHash(options.prev, options.next)
    this.scanInto(top, query, queryWeight, queryWordWeight, multiplicity, context, langFilter)
    return top.sorted()
  }

  /**
   * Ids of the units whose `side` has every word of `query` (by stem, Arabic clitics and
   * Kazakh endings seen through), newest first. Phrase order and hit offsets are then checked
   * on the texts by `findConcordance`.
   */
  concordanceCandidates(query: string, options: ConcordanceOptions): number[] {
    const langFilter = this.langFilter(options.targetLang)
    if (langFilter === null) return []
    const words = this.queryWordStemIds(query, options)
    if (words.length === 0 || words.some((ids) => ids.length === 0)) return []
    const pool = options.side === 'source' ? this.sourcePostings : this.targetPostings
    // Each word is a union of stems (an Arabic word may be stored with or without a clitic);
    // words are intersected starting with the rarest.
    const lists = words
      .map((ids) => this.unionOfPostings(pool, ids))
      .sort((a, b) => a.length - b.length)
    let result = lists[0]!
    for (const list of lists.slice(1)) result = intersectSorted(result, list)
    const ids: number[] = []
    for (let i = result.length - 1; i >= 0; i--) {
      const slot = result[i]!
      if (!this.slots.isAlive(slot)) continue
      if (langFilter >= 0 && this.slots.targetLang(slot) !== langFilter) continue
      ids.push(this.slots.id(slot))
    }
    return ids
  }

  /** Bytes held in typed arrays (postings, tokens, per-unit tables); maps are not counted. */
  get typedBytes(): number {
    return this.sourcePostings.byteLength + this.targetPostings.byteLength + this.slots.byteLength
  }

  /**
   * Scores the few units that have most of the query's rarest words (a near-duplicate has them
   * all), so that the threshold a match must reach is high before the frequent words are read:
   * the higher it is, the sooner no unseen unit can reach it.
   */
  private primeThreshold(
    top: TopMatches,
    terms: readonly (readonly [number, number])[],
    query: CodedTokens,
    queryWeight: number,
    context: number,
    langFilter: number,
  ): void {
    const probes = terms.slice(0, PRIME_TERMS)
    let total = 0
    for (const [stem] of probes) total += this.sourcePostings.count(stem)
    if (total === 0 || total > PRIME_POSTINGS) return
    const needed = Math.min(2, probes.length)
    const hits = new Map<number, number>()
    for (const [stem] of probes) {
      const count = this.sourcePostings.count(stem)
      this.postings = this.sourcePostings.read(stem, this.postings)
      let previous = -1
      for (let i = 0; i < count; i++) {
        const slot = this.postings[i]!
        if (slot !== previous) hits.set(slot, (hits.get(slot) ?? 0) + 1)
        previous = slot
      }
    }
    const likely = [...hits].filter(([, count]) => count >= needed).sort(([, a], [, b]) => b - a)
    for (const [slot] of likely.slice(0, PRIME_UNITS)) {
      if (!this.slots.isAlive(slot)) continue
      if (langFilter >= 0 && this.slots.targetLang(slot) !== langFilter) continue
      this.score(top, slot, query, queryWeight, context)
    }
  }

  private countSharedWords(
    terms: readonly (readonly [number, number])[],
    top: TopMatches,
    queryWeight: number,
    queryWordWeight: number,
    langFilter: number,
  ): number {
    if (this.shared.length < this.slots.count) this.shared = new Uint16Array(this.slots.capacity)
    const placeableWeight = queryWeight - queryWordWeight
    let remaining = 0
    for (const [, count] of terms) remaining += count * WORD_WEIGHT
    let touchedCount = 0
    for (const [stem, count] of terms) {
      // A unit not seen yet shares at most the remaining words: once those and every
      // placeable cannot reach the threshold, rarer terms have already found every candidate.
      const admits = (placeableWeight + remaining) / queryWeight + EPSILON >= top.threshold
      if (!admits) {
        touchedCount = this.keepPossible(
          touchedCount,
          remaining,
          top.threshold,
          queryWeight,
          queryWordWeight,
          langFilter,
        )
      }
      const total = this.sourcePostings.count(stem)
      this.postings = this.sourcePostings.read(stem, this.postings)
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
    queryWeight: number,
    queryWordWeight: number,
    langFilter: number,
  ): number {
    let kept = 0
    for (let k = 0; k < touchedCount; k++) {
      const slot = this.touched[k]!
      const possible =
        this.slots.isAlive(slot) &&
        (langFilter < 0 || this.slots.targetLang(slot) === langFilter) &&
        scoreBound(
          queryWeight,
          queryWordWeight,
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

  private verify(
    top: TopMatches,
    candidates: number,
    query: CodedTokens,
    queryWeight: number,
    queryWordWeight: number,
    context: number,
    langFilter: number,
  ): void {
    // Candidates are scored in order of their bound, highest first (bucketed, not sorted), and
    // scoring stops at the first bound below the score a match must now beat.
    const bounds = new Float32Array(candidates)
    const bucketOf = new Uint16Array(candidates)
    const bucketStart = new Int32Array(BUCKETS + 1)
    for (let i = 0; i < candidates; i++) {
      const slot = this.touched[i]!
      if (
        !this.slots.isAlive(slot) ||
        (langFilter >= 0 && this.slots.targetLang(slot) !== langFilter)
      ) {
        bounds[i] = -1
        continue
      }
      const bound = scoreBound(
        queryWeight,
        queryWordWeight,
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
    const order = new Int32Array(bucketStart[BUCKETS]!)
    const fill = bucketStart.slice(0, BUCKETS)
    for (let i = 0; i < candidates; i++) {
      if (bounds[i]! + EPSILON < top.threshold) continue
      order[fill[bucketOf[i]!]!++] = i
    }
    for (let b = BUCKETS - 1; b >= 0; b--) {
      for (let k = bucketStart[b]!; k < bucketStart[b + 1]!; k++) {
        const i = order[k]!
        if (bounds[i]! + EPSILON < top.threshold) continue
        if ((b + 1) / (BUCKETS - 1) + EPSILON < top.threshold) return
        this.score(top, this.touched[i]!, query, queryWeight, context)
      }
    }
  }

  private scanInto(
    top: TopMatches,
    query: CodedTokens,
    queryWeight: number,
    queryWordWeight: number,
    multiplicity: Map<number, number>,
    context: number,
    langFilter: number,
  ): void {
    // How many more of each stem the query can still pair, per unit; what a unit consumed is
    // given back through `used` before the next one.
    const wanted = new Uint16Array(this.vocabulary.stemCount)
    for (const [stem, count] of multiplicity) wanted[stem] = count
    const used = new Int32Array(MAX_TOKENS)
    for (let slot = 0; slot < this.slots.count; slot++) {
      if (!this.slots.isAlive(slot)) continue
      if (langFilter >= 0 && this.slots.targetLang(slot) !== langFilter) continue
      const weight = this.slots.weight(slot)
      if (
        Math.min(weight, queryWeight) / Math.max(weight, queryWeight, 1) + EPSILON <
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
        queryWeight,
        queryWordWeight,
        weight,
        this.slots.wordWeight(slot),
        shared,
      )
      if (bound + EPSILON >= top.threshold) this.score(top, slot, query, queryWeight, context)
    }
  }

  private score(
    top: TopMatches,
    slot: number,
    query: CodedTokens,
    queryWeight: number,
    context: number,
  ): void {
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
    const heavier = Math.max(weight, queryWeight)
    const allowed = Math.floor((1 - top.threshold) * heavier + EPSILON)
    const distance = editDistance(unit, query, allowed)
    if (distance > allowed) return
    const inContext = context !== 0 && this.slots.context(slot) === context
    top.offer({
      id: this.slots.id(slot),
      score: scoreFromDistance(distance, weight, queryWeight),
      inContext,
    })
  }

  private targetLangCode(lang: string): number {
    const key = lang.toLowerCase()
    let code = this.targetLangCodes.get(key)
    if (code === undefined) {
      code = this.targetLangCodes.size
      // Codes are stored in a byte per unit; a memory in more target languages is a bug upstream.
      if (code > 255) throw new Error(`a memory index holds at most 256 target languages`)
      this.targetLangCodes.set(key, code)
    }
    return code
  }

  /** -1 for no filter, null when no unit has that language, else its code. */
  private langFilter(targetLang: string | undefined): number | null {
    if (targetLang === undefined) return -1
    return this.targetLangCodes.get(targetLang.toLowerCase()) ?? null
  }

  /** Ids of the stems of the words of a target text, each once, added when new. */
  private targetWordStemIds(text: string, lang: string): Set<number> {
    const ids = new Set<number>()
    for (const token of tokenize(text)) {
      if (token.kind !== 'word') continue
      const raw = text.slice(token.start, token.end)
      const cacheKey = lang + '\u0000' + raw
      let stems = this.targetWordStems.get(cacheKey)
      if (stems === undefined) {
        const found = stemKeys(foldText(raw, lang), lang).map((key) => {
          let id = this.targetStemIds.get(key)
          if (id === undefined) {
            id = this.targetStemIds.size
            this.targetStemIds.set(key, id)
          }
          return id
        })
        stems = found.length === 1 ? found[0]! : found
        if (this.targetWordStems.size >= WORD_CACHE_LIMIT) this.targetWordStems.clear()
        this.targetWordStems.set(cacheKey, stems)
      }
      if (typeof stems === 'number') ids.add(stems)
      else for (const id of stems) ids.add(id)
    }
    return ids
  }

  private queryWordStemIds(query: string, options: ConcordanceOptions): number[][] {
    const langs =
      options.lang !== undefined
        ? [options.lang]
        : options.side === 'source'
          ? [this.sourceLang]
          : options.targetLang !== undefined
            ? [options.targetLang]
            : [...this.targetLangCodes.keys()]
    const words: number[][] = []
    for (const token of tokenize(query)) {
      if (token.kind !== 'word') continue
      const raw = query.slice(token.start, token.end)
      const ids = new Set<number>()
      for (const lang of langs) {
        if (options.side === 'source') {
          const stem = this.vocabulary.stemId(stemKeys(foldText(raw, lang), lang)[0]!)
          if (stem >= 0) ids.add(stem)
        } else {
          for (const key of stemKeys(foldText(raw, lang), lang)) {
            const id = this.targetStemIds.get(key)
            if (id !== undefined) ids.add(id)
          }
        }
      }
      words.push([...ids])
    }
    return words
  }

  private unionOfPostings(pool: PostingPool, terms: readonly number[]): Uint32Array {
    let union: Uint32Array = new Uint32Array(0)
    for (const term of terms)
      union = mergeSorted(union, pool.read(term, new Uint32Array(pool.count(term))))
    return union
  }
}

/** A query's weights and how often each of its word stems occurs in it. */
function profileQuery(query: CodedTokens): {
  queryWeight: number
  queryWordWeight: number
  multiplicity: Map<number, number>
} {
  let queryWeight = 0
  let queryWordWeight = 0
  const multiplicity = new Map<number, number>()
  for (let i = 0; i < query.length; i++) {
    queryWeight += WEIGHT_BY_KIND[query.kind[i]!]!
    if (query.kind[i] !== WORD) continue
    queryWordWeight += WORD_WEIGHT
    const stem = query.stem[i]!
    if (stem >= 0) multiplicity.set(stem, (multiplicity.get(stem) ?? 0) + 1)
  }
  return { queryWeight, queryWordWeight, multiplicity }
}

/** First index in `list[0, length)` (sorted ascending) whose value is at least `value`. */
function lowerBound(list: Uint32Array, length: number, value: number): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** The sorted union of two sorted lists, each value once: a linear merge, no sort. */
function mergeSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let kept = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (kept === 0 || out[kept - 1] !== next) out[kept++] = next
  }
  return out.subarray(0, kept)
}

function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let kept = 0
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      out[kept++] = a[i]!
      i++
      j++
    }
  }
  return out.subarray(0, kept)
}
