import { EventEmitter } from 'node:events'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { TaggedText } from '@qalam/shared/formats'
import { concordanceSpans, matchUnit, TmIndex, type HitSpan, type TmMatch } from '@qalam/shared/tm'
import type { NewUnit, StoredUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

/** Units read from the store at once while building. */
const BUILD_PAGE = 500
/** The longest a build runs before it lets the event loop serve other requests. */
const BUILD_SLICE_MS = 15
/** An index nobody looked up in this long is dropped; the next lookup builds it again. */
const DEFAULT_IDLE_MS = 10 * 60 * 1000
/** How often a page waiting for a write asks the store whether another process wrote. */
const STORE_POLL_MS = 1000

/** One memory's indexes (one per source language) and how far into the store they have read. */
interface MemoryIndex {
  byLang: Map<string, TmIndex>
  /** The highest unit id read: units are added with growing ids. */
  lastId: number
  /** The store's revision of the memory when the last read began; -1 before the first. */
  revision: number
  usedAt: number
  /** The running catch-up with the store, shared by concurrent lookups. */
  reading: Promise<void> | null
  /** A write happened since `reading` started: read again after it. */
  stale: boolean
}

export interface MatchQuery {
  memoryIds: readonly string[]
  sourceLang: string
  targetLang: string
  source: string
  /** Neighbouring sources; '' at the start or end of the document. */
  prev: string
  next: string
  limit: number
  minScore: number
}

export interface FoundMatch extends TmMatch {
  unitId: number
  memoryId: string
  source: string
  /** The unit's two sides with their inline codes, for `mapUnitTags` onto a segment's tags. */
  unit: { source: TaggedText; target: TaggedText }
  createdBy: string
  createdAt: number
  changedBy: string
  changedAt: number
}

export type ConcordanceSide = 'source' | 'target' | 'both'

export interface ConcordanceQuery {
  memoryIds: readonly string[]
  sourceLang: string
  targetLang: string
  /** A word or phrase, in the source language for sources and the target language for targets. */
  query: string
  side: ConcordanceSide
  limit: number
}

/** A unit holding the query, with the hits in each of its texts (either may be empty). */
export interface FoundConcordance {
  unitId: number
  memoryId: string
  sourceLang: string
  targetLang: string
  source: string
  target: string
  sourceSpans: HitSpan[]
  targetSpans: HitSpan[]
  createdBy: string
  createdAt: number
  changedBy: string
  changedAt: number
}

/** Units read back from the store at once while checking concordance candidates. */
const CONCORDANCE_PAGE = 100
/** Candidates checked per memory at most: a word in every unit costs a bounded read. */
const CONCORDANCE_MAX_CANDIDATES = 2000

/**
 * A unit's neighbour for in-context matching. An approved segment without one stood at the
 * start or end of its document (''); a TMX or aligned unit without one has no known context.
 */
const contextOf = (value: string | null, unit: StoredUnit): string | undefined =>
  value ?? (unit.origin === 'segment' ? '' : undefined)

/**
 * Fuzzy lookup over translation memories for the editor: one `TmIndex` per memory and source
 * language, built on first use from the store in slices of at most 15 ms that yield to the event loop, kept up
 * to date by reading the units added after the last one seen whenever the store reports a
 * write, and dropped after `idleMs` without a lookup. Texts are read back from the store for
 * the few units a lookup returns, so a unit deleted or replaced since is simply skipped.
 */
export class MatchLookup {
  private readonly indexes = new Map<string, MemoryIndex>()
  private readonly revisions = new Map<string, number>()
  /** The store's revision of each memory as last seen: it moves with writes of any process. */
  private readonly storeRevisions = new Map<string, number>()
  /** Writes this process reported since the store's revision was last read. */
  private readonly notedWrites = new Map<string, number>()
  private readonly changes = new EventEmitter()
  private readonly sweep: NodeJS.Timeout

  constructor(
    private readonly store: TranslationMemoryStore,
    private readonly idleMs = DEFAULT_IDLE_MS,
  ) {
    this.changes.setMaxListeners(0)
    this.sweep = setInterval(() => this.evictIdle(Date.now()), Math.max(1000, idleMs / 2))
    this.sweep.unref()
  }

  /** How many times the memory was written to since the server started. */
  revision(memoryId: string): number {
    return this.revisions.get(memoryId) ?? 0
  }

  /** The store reports a write into the memory: lookups from now on see the new units. */
  noteWrite(memoryId: string): void {
    this.revisions.set(memoryId, this.revision(memoryId) + 1)
    this.notedWrites.set(memoryId, (this.notedWrites.get(memoryId) ?? 0) + 1)
    const entry = this.indexes.get(memoryId)
    if (entry) entry.stale = true
    this.changes.emit('write', memoryId)
  }

  /**
   * Resolves true once one of the memories is written to, false after `timeoutMs` or when
   * `signal` aborts: lets a page that saw an approval wait for the unit it makes.
   */
  waitForWrite(memoryIds: readonly string[], timeoutMs: number, signal?: AbortSignal) {
    return new Promise<boolean>((resolve) => {
      const wanted = new Set(memoryIds)
      const onWrite = (memoryId: string) => {
        if (wanted.has(memoryId)) finish(true)
      }
      const onAbort = () => finish(false)
      const timer = setTimeout(() => finish(false), timeoutMs)
      // Writes of another process (a CLI import) reach us only through the store's revisions.
      const poll = setInterval(() => {
        this.noticeStoreWrites(memoryIds).catch((error: unknown) => {
          // The wait ends on its timer; the next lookup reads the revisions again.
          console.warn('translation memory revisions unavailable', error)
        })
      }, STORE_POLL_MS)
      const finish = (value: boolean) => {
        clearTimeout(timer)
        clearInterval(poll)
        this.changes.off('write', onWrite)
        signal?.removeEventListener('abort', onAbort)
        resolve(value)
      }
      this.changes.on('write', onWrite)
      signal?.addEventListener('abort', onAbort)
    })
  }

  /**
   * Asks the store whether the memories were written since we last looked (by this process or
   * another: a CLI import beside the server); a memory that was is read again before its next
   * lookup, and pages waiting on it are told.
   */
  async noticeStoreWrites(memoryIds: readonly string[]): Promise<void> {
    if (memoryIds.length === 0) return
    const now = await this.store.revisions(memoryIds)
    for (const [memoryId, revision] of now) {
      const seen = this.storeRevisions.get(memoryId)
      this.storeRevisions.set(memoryId, revision)
      // Each write moves the revision by one: those this process reported are already known.
      const noted = this.notedWrites.get(memoryId) ?? 0
      this.notedWrites.delete(memoryId)
      const entry = this.indexes.get(memoryId)
      if (entry && revision > entry.revision) entry.stale = true
      if (seen !== undefined && revision - seen > noted) {
        this.revisions.set(memoryId, this.revision(memoryId) + 1)
        this.changes.emit('write', memoryId)
      }
    }
  }

  /** The best matches across the memories, best first; ties go to the newer unit. */
  async lookup(query: MatchQuery): Promise<FoundMatch[]> {
    await this.noticeStoreWrites(query.memoryIds)
    const found: FoundMatch[] = []
    for (const memoryId of query.memoryIds) {
      const index = (await this.ready(memoryId)).get(query.sourceLang)
      if (!index) continue
      const hits = index.lookup(query.source, {
        prev: query.prev,
        next: query.next,
        limit: query.limit,
        minScore: query.minScore,
        targetLang: query.targetLang,
      })
      const units = await this.store.getUnits(
        memoryId,
        hits.map((hit) => hit.id),
      )
      const byId = new Map(units.map((unit) => [unit.id, unit]))
      for (const hit of hits) {
        const unit = byId.get(hit.id)
        if (!unit) {
          // Deleted or replaced since it was indexed (a segment approved again).
          index.remove(hit.id)
          continue
        }
        found.push(this.scored(query, unit))
      }
    }
    found.sort((a, b) => b.percent - a.percent || b.score - a.score || b.changedAt - a.changedAt)
    return found.slice(0, query.limit)
  }

  /**
   * Concordance: units of the memories whose source or target (or either) holds the word or
   * phrase, newest first, with the hits in both texts to highlight. Candidates come from the
   * index; the phrase check runs on the texts read back from the store.
   */
  async concordance(query: ConcordanceQuery): Promise<FoundConcordance[]> {
    await this.noticeStoreWrites(query.memoryIds)
    const found: FoundConcordance[] = []
    const sides = query.side === 'both' ? (['source', 'target'] as const) : [query.side]
    for (const memoryId of query.memoryIds) {
      const index = (await this.ready(memoryId)).get(query.sourceLang)
      if (!index) continue
      const candidates = new Set<number>()
      for (const side of sides) {
        const lang = side === 'source' ? query.sourceLang : query.targetLang
        for (const id of index.concordanceCandidates(query.query, {
          side,
          lang,
          targetLang: query.targetLang,
        }))
          candidates.add(id)
      }
      // Ids grow as units are stored: the highest is the newest.
      const ids = [...candidates].sort((a, b) => b - a).slice(0, CONCORDANCE_MAX_CANDIDATES)
      let kept = 0
      for (let at = 0; at < ids.length && kept < query.limit; at += CONCORDANCE_PAGE) {
        const units = await this.store.getUnits(memoryId, ids.slice(at, at + CONCORDANCE_PAGE))
        units.sort((a, b) => b.id - a.id)
        for (const unit of units) {
          const sourceSpans = concordanceSpans(unit.source.text, query.query, unit.sourceLang)
          const targetSpans = concordanceSpans(unit.target.text, query.query, unit.targetLang)
          const holds =
            (query.side !== 'target' && sourceSpans.length > 0) ||
            (query.side !== 'source' && targetSpans.length > 0)
          if (!holds) continue
          found.push({
            unitId: unit.id,
            memoryId,
            sourceLang: unit.sourceLang,
            targetLang: unit.targetLang,
            source: unit.source.text,
            target: unit.target.text,
            sourceSpans: query.side === 'target' ? [] : sourceSpans,
            targetSpans: query.side === 'source' ? [] : targetSpans,
            createdBy: unit.createdBy,
            createdAt: unit.createdAt,
            changedBy: unit.changedBy,
            changedAt: unit.changedAt,
          })
          if (++kept >= query.limit) break
        }
      }
    }
    found.sort((a, b) => b.changedAt - a.changedAt || b.unitId - a.unitId)
    return found.slice(0, query.limit)
  }

  /** Forgets every index; for shutdown. */
  close(): void {
    clearInterval(this.sweep)
    this.indexes.clear()
    this.changes.removeAllListeners()
  }

  /** Number of indexed memories, for tests of eviction. */
  get loaded(): number {
    return this.indexes.size
  }

  evictIdle(now: number): void {
    for (const [memoryId, entry] of this.indexes) {
      if (entry.reading === null && now - entry.usedAt >= this.idleMs) this.indexes.delete(memoryId)
    }
  }

  private scored(query: MatchQuery, unit: StoredUnit): FoundMatch {
    const match = matchUnit(
      { source: query.source, prev: query.prev, next: query.next },
      {
        source: unit.source.text,
        target: unit.target.text,
        prev: contextOf(unit.previousSource, unit),
        next: contextOf(unit.nextSource, unit),
      },
      query.sourceLang,
    )
    return {
      ...match,
      unitId: unit.id,
      memoryId: unit.memoryId,
      source: unit.source.text,
      unit: { source: unit.source, target: unit.target },
      createdBy: unit.createdBy,
      createdAt: unit.createdAt,
      changedBy: unit.changedBy,
      changedAt: unit.changedAt,
    }
  }

  /** The memory's indexes, caught up with every write reported before this call. */
  private async ready(memoryId: string): Promise<Map<string, TmIndex>> {
    let entry = this.indexes.get(memoryId)
    if (!entry) {
      entry = {
        byLang: new Map(),
        lastId: 0,
        revision: -1,
        usedAt: Date.now(),
        reading: null,
        stale: true,
      }
      this.indexes.set(memoryId, entry)
    }
    entry.usedAt = Date.now()
    while (entry.stale || entry.reading) {
      if (!entry.reading) {
        entry.stale = false
        const current = entry
        current.reading = this.readNewUnits(memoryId, current).finally(() => {
          current.reading = null
        })
      }
      try {
        await entry.reading
      } catch (error) {
        // Read again on the next lookup rather than serve an index missing units.
        this.indexes.delete(memoryId)
        throw error
      }
    }
    return entry.byLang
  }

  /**
   * Reads the units stored after the last one read; then, since an import's units became
   * visible only when it was published, those of imports published since the last read that
   * have lower ids than the last one read (the pass over new ids went past them while hidden).
   */
  private async readNewUnits(memoryId: string, entry: MemoryIndex): Promise<void> {
    const revision = (await this.store.revisions([memoryId])).get(memoryId) ?? 0
    const imports =
      entry.revision < 0 ? [] : await this.store.publishedImports(memoryId, entry.revision)
    const throughId = entry.lastId
    const slicer = { start: performance.now() }
    await this.readPages(entry, slicer, (afterId) =>
      this.store.listUnits(memoryId, { afterId, limit: BUILD_PAGE }),
    )
    for (const importId of imports) {
      await this.readPages(
        entry,
        slicer,
        (afterId) =>
          this.store.listImportUnits(memoryId, importId, { afterId, throughId, limit: BUILD_PAGE }),
        0,
      )
    }
    entry.revision = Math.max(entry.revision, revision)
    this.storeRevisions.set(memoryId, Math.max(this.storeRevisions.get(memoryId) ?? 0, revision))
  }

  /** Indexes pages of units until one comes short, yielding to the event loop every slice. */
  private async readPages(
    entry: MemoryIndex,
    slicer: { start: number },
    readPage: (afterId: number) => Promise<StoredUnit[]>,
    fromId = entry.lastId,
  ): Promise<void> {
    let afterId = fromId
    for (;;) {
      const page = await readPage(afterId)
      for (const unit of page) {
        this.indexUnit(entry, unit)
        afterId = unit.id
        if (performance.now() - slicer.start > BUILD_SLICE_MS) {
          await yieldToEventLoop()
          slicer.start = performance.now()
        }
      }
      if (page.length < BUILD_PAGE) return
      await yieldToEventLoop()
      slicer.start = performance.now()
    }
  }

  private indexUnit(entry: MemoryIndex, unit: StoredUnit): void {
    entry.lastId = Math.max(entry.lastId, unit.id)
    let index = entry.byLang.get(unit.sourceLang)
    if (!index) {
      index = new TmIndex(unit.sourceLang)
      entry.byLang.set(unit.sourceLang, index)
    }
    index.add({
      id: unit.id,
      source: unit.source.text,
      target: unit.target.text,
      targetLang: unit.targetLang,
      prev: contextOf(unit.previousSource, unit),
      next: contextOf(unit.nextSource, unit),
    })
  }
}

/**
 * The store with every write into a memory reported to `onWrite` once it is stored: units
 * added directly (approvals, alignments) and imports committed.
 */
export function reportingWrites(
  store: TranslationMemoryStore,
  onWrite: (memoryId: string) => void,
): TranslationMemoryStore {
  const stagedMemory = new Map<string, string>()
  return {
    ...store,
    async addUnits(memoryId: string, units: readonly NewUnit[]) {
      const written = await store.addUnits(memoryId, units)
      onWrite(memoryId)
      return written
    },
    async stageUnits(importId: string, memoryId: string, units: readonly NewUnit[]) {
      stagedMemory.set(importId, memoryId)
      await store.stageUnits(importId, memoryId, units)
    },
    async commitImport(importId: string) {
      const memoryId = stagedMemory.get(importId)
      stagedMemory.delete(importId)
      const written = await store.commitImport(importId)
      if (memoryId !== undefined) onWrite(memoryId)
      return written
    },
    async discardImport(importId: string) {
      stagedMemory.delete(importId)
      await store.discardImport(importId)
    },
  }
}
