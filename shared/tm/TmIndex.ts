import { foldText, stemKeys } from '../text/index.ts'
import { createCodedTokens, type CodedTokens } from './codedTokens.ts'
import { describeQuery, FuzzySearch, MAX_TOKENS, type SearchQuery } from './FuzzySearch.ts'
import { PostingPool } from './PostingPool.ts'
import { intersectSorted, mergeSorted } from './sortedLists.ts'
import { KIND_CODES, WEIGHT_BY_KIND } from './tokenCost.ts'
import { tokenize } from './tokenize.ts'
import { TokenVocabulary } from './TokenVocabulary.ts'
import { contextHash } from './contextHash.ts'
import { sequenceKey } from './sequenceKey.ts'
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

const WORD = KIND_CODES.word
const WORD_CACHE_LIMIT = 100_000

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
  private readonly search: FuzzySearch
  private readonly addTokens: CodedTokens = createCodedTokens(4 * MAX_TOKENS)
  // Units longer than MAX_TOKENS, by the key of their whole token sequence: their kept tokens
  // alone would score an identical query below 1. Few units are that long, so this stays small.
  private readonly longSlotsByKey = new Map<number, number[]>()
  private readonly longKeyBySlot = new Map<number, number>()

  constructor(sourceLang: string) {
    this.sourceLang = sourceLang
    this.vocabulary = new TokenVocabulary(sourceLang)
    this.search = new FuzzySearch(this.vocabulary, this.sourcePostings, this.slots)
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
    if (coded.length > MAX_TOKENS) {
      const key = sequenceKey(coded)
      this.longKeyBySlot.set(slot, key)
      this.longSlotsByKey.set(key, [...(this.longSlotsByKey.get(key) ?? []), slot])
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
    const key = this.longKeyBySlot.get(slot)
    if (key !== undefined) {
      this.longKeyBySlot.delete(slot)
      const left = this.longSlotsByKey.get(key)!.filter((other) => other !== slot)
      if (left.length === 0) this.longSlotsByKey.delete(key)
      else this.longSlotsByKey.set(key, left)
    }
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
   * returned is left out. A unit with the same tokens as `source` scores 1 however long both are.
   */
  lookup(source: string, options: LookupOptions = {}): IndexMatch[] {
    const query = this.describe(source, options)
    if (query === null || this.size === 0) return []
    const top = new TopMatches(Math.max(1, options.limit ?? 5), options.minScore ?? 0.5)
    this.offerIdenticalLongUnits(query, top)
    this.search.lookup(query, top)
    return top.sorted()
  }

  /**
   * Every unit, scored the slow and certain way: each one's bound from its own tokens and an
   * edit distance where the bound allows. For checking `lookup`; costs a pass over the memory.
   */
  scan(source: string, options: LookupOptions = {}): IndexMatch[] {
    const query = this.describe(source, options)
    if (query === null) return []
    const top = new TopMatches(Math.max(1, options.limit ?? 5), options.minScore ?? 0.5)
    this.offerIdenticalLongUnits(query, top)
    this.search.scan(query, top)
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

  /** Bytes held in typed arrays (postings, tokens, per-unit tables), for stats; maps are not counted. */
  get typedBytes(): number {
    return this.sourcePostings.byteLength + this.targetPostings.byteLength + this.slots.byteLength
  }

  /**
   * Offers, at score 1, the units longer than the kept tokens whose whole sequence is the
   * query's: the search, which sees only their first MAX_TOKENS tokens, scores them lower.
   */
  private offerIdenticalLongUnits(query: SearchQuery, top: TopMatches): void {
    if (query.tokens.length <= MAX_TOKENS) return
    const slots = this.longSlotsByKey.get(sequenceKey(query.tokens)) ?? []
    for (const slot of slots) {
      if (query.langFilter >= 0 && this.slots.targetLang(slot) !== query.langFilter) continue
      // The key is a hash: the kept tokens must agree as well.
      const kept = this.slots.surfaces(slot)
      if (kept.some((surface, i) => surface !== query.tokens.surface[i])) continue
      top.offer({
        id: this.slots.id(slot),
        score: 1,
        inContext: query.context !== 0 && this.slots.context(slot) === query.context,
      })
    }
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

  /** The query coded for the search, or null when nothing can match it. */
  private describe(source: string, options: LookupOptions): SearchQuery | null {
    const { coded } = this.vocabulary.encode(source, false)
    const langFilter = this.langFilter(options.targetLang)
    if (coded.length === 0 || langFilter === null) return null
    return describeQuery(coded, contextHash(options.prev, options.next), langFilter)
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
