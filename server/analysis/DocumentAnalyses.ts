import type * as Y from 'yjs'
import type { AnalysisReport } from '@qalam/shared/analysis'
import type { MatchLookup } from '../tm/index.ts'
import { analyzeDocument } from './analyzeDocument.ts'

/** Analyses running at once; the rest wait their turn, each one a pass of many lookups. */
const RUNNING = 2
/** Analyses that may wait beyond the running ones before new ones are refused. */
const WAITING = 32
/** Finished reports kept for their document and memories as they were. */
const REMEMBERED = 100

/** Every analysis slot is taken: the caller answers 503. */
export class AnalysisBusyError extends Error {
  override name = 'AnalysisBusyError'
}

export interface AnalysisRequest {
  documentId: string
  memoryIds: readonly string[]
  /** Reads the document only when no remembered report answers. */
  loadDocument(): Promise<Y.Doc | undefined>
  /** Ignore a remembered report (the refresh button). */
  fresh?: boolean
}

/**
 * Runs document analyses for the HTTP routes: at most two at once (each yields to the event
 * loop between slices), the same analysis asked twice while it runs is run once, and a
 * finished report is served again until one of the memories is written to (sources never
 * change, so the memories' revisions and the document id name a report).
 */
export class DocumentAnalyses {
  private readonly running = new Map<string, Promise<AnalysisReport | undefined>>()
  private readonly remembered = new Map<string, AnalysisReport>()
  private active = 0
  private readonly queue: Array<() => void> = []

  constructor(private readonly lookup: MatchLookup) {}

  /** The report, or undefined when the document is gone; throws `AnalysisBusyError`. */
  async analyze(request: AnalysisRequest): Promise<AnalysisReport | undefined> {
    const key = this.keyOf(request)
    if (!request.fresh) {
      const known = this.remembered.get(key)
      if (known) return known
    }
    const pending = this.running.get(key)
    if (pending) return pending
    if (this.active >= RUNNING && this.queue.length >= WAITING) {
      throw new AnalysisBusyError('Too many analyses are running; try again shortly.')
    }
    const run = this.run(key, request).finally(() => this.running.delete(key))
    this.running.set(key, run)
    return run
  }

  private async run(key: string, request: AnalysisRequest): Promise<AnalysisReport | undefined> {
    await this.takeSlot()
    try {
      const doc = await request.loadDocument()
      if (!doc) return undefined
      const report = await analyzeDocument({
        doc,
        memoryIds: request.memoryIds,
        lookup: this.lookup,
      })
      // Under the key read before the pass: a write during it makes the next request run again.
      this.remembered.delete(key)
      this.remembered.set(key, report)
      if (this.remembered.size > REMEMBERED) {
        const oldest = this.remembered.keys().next().value
        if (oldest !== undefined) this.remembered.delete(oldest)
      }
      return report
    } finally {
      this.active--
      this.queue.shift()?.()
    }
  }

  private takeSlot(): Promise<void> {
    if (this.active < RUNNING) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.active++
        resolve()
      }),
    )
  }

  private keyOf(request: AnalysisRequest): string {
    const revisions = request.memoryIds.map((id) => `${id}@${this.lookup.revision(id)}`)
    return `${request.documentId}|${revisions.join(',')}`
  }
}
