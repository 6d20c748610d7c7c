import type { AnalysisReport } from '@qalam/shared/analysis'
import type { DatabaseLocation } from '../database/index.ts'
import type { MatchLookup } from '../tm/index.ts'
import type { AnalysisJobs, WorkerPool } from '../workers/index.ts'
import type { DocumentSources } from './bestMatches.ts'

/** Analyses running at once, each in a worker of the analyses' pool. */
export const RUNNING_ANALYSES = 2
/** Analyses that may wait beyond the running ones before new ones are refused. */
const WAITING = 32
/** Finished reports kept for their document and memories as they were. */
const REMEMBERED = 100

/** Every analysis slot is taken: the caller answers 503. */
export class AnalysisBusyError extends Error {
  override name = 'AnalysisBusyError'
}

/** Everyone who asked for the analysis went away before it finished; nobody is answered. */
export class AnalysisCancelledError extends Error {
  override name = 'AnalysisCancelledError'
}

export interface AnalysisRequest {
  documentId: string
  memoryIds: readonly string[]
  /** Reads the document only when no remembered report answers; undefined when it is gone. */
  loadDocument(): Promise<DocumentSources | undefined>
  /** Ignore a remembered report (the refresh button). */
  fresh?: boolean
  /** Aborts when this caller no longer waits (its client left). */
  signal?: AbortSignal
}

export interface DocumentAnalysesOptions {
  /** The editor's lookup: its revisions name a report; its indexes stay in this thread. */
  lookup: MatchLookup
  /** The analyses' own pool, of `RUNNING_ANALYSES` workers (0: on this thread, benchmarks). */
  pool: WorkerPool<AnalysisJobs>
  /** Where the workers open the translation memory themselves. */
  database: DatabaseLocation
}

/** One analysis under way, shared by everyone who asked for it meanwhile. */
interface Running {
  report: Promise<AnalysisReport | undefined>
  /** Callers still waiting; at 0 the analysis is cancelled. */
  waiting: number
  cancel: AbortController
}

/**
 * Runs document analyses for the HTTP routes: at most two at once, each in a worker thread
 * (a 10,000-segment pass allocates enough to stall the event loop for a second in GC alone),
 * the same analysis asked twice while it runs is run once, an analysis nobody waits for any
 * more is stopped, and a finished report is served again until one of the memories is
 * written to (sources never change, so the memories' revisions and the document id name a
 * report).
 */
export class DocumentAnalyses {
  private readonly running = new Map<string, Running>()
  private readonly remembered = new Map<string, AnalysisReport>()
  private active = 0
  private readonly queue: Array<{ start(): void }> = []

  constructor(private readonly options: DocumentAnalysesOptions) {}

  /**
   * The report, or undefined when the document is gone; throws `AnalysisBusyError`, or
   * `AnalysisCancelledError` once `request.signal` aborted.
   */
  async analyze(request: AnalysisRequest): Promise<AnalysisReport | undefined> {
    const key = this.keyOf(request)
    if (!request.fresh) {
      const known = this.remembered.get(key)
      if (known) return known
    }
    let entry = this.running.get(key)
    if (!entry) {
      if (this.active >= RUNNING_ANALYSES && this.queue.length >= WAITING) {
        throw new AnalysisBusyError('Too many analyses are running; try again shortly.')
      }
      const cancel = new AbortController()
      const report = this.run(key, request, cancel.signal).finally(() => this.running.delete(key))
      entry = { report, waiting: 0, cancel }
      this.running.set(key, entry)
    }
    return this.waitFor(entry, request.signal)
  }

  /** The shared analysis for one caller: it stops waiting when its signal aborts. */
  private async waitFor(
    entry: Running,
    signal: AbortSignal | undefined,
  ): Promise<AnalysisReport | undefined> {
    entry.waiting++
    let onAbort = () => {}
    const left = new Promise<never>((_, reject) => {
      onAbort = () => reject(new AnalysisCancelledError('The client left.'))
    })
    // Settled only by a caller that left; a promise nobody awaits must not reject unhandled.
    left.catch(() => {})
    if (signal?.aborted) onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      return await Promise.race([entry.report, left])
    } finally {
      signal?.removeEventListener('abort', onAbort)
      if (--entry.waiting === 0) entry.cancel.abort()
    }
  }

  private async run(
    key: string,
    request: AnalysisRequest,
    signal: AbortSignal,
  ): Promise<AnalysisReport | undefined> {
    await this.takeSlot(signal)
    try {
      const document = await request.loadDocument()
      if (!document) return undefined
      signal.throwIfAborted()
      const report = await this.inWorker(request.memoryIds, document, signal)
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
      this.startNext()
    }
  }

  /** The pass in a worker; `signal` raises the flag the worker reads between segments. */
  private async inWorker(
    memoryIds: readonly string[],
    document: DocumentSources,
    signal: AbortSignal,
  ): Promise<AnalysisReport> {
    const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
    const raise = () => Atomics.store(new Int32Array(cancel), 0, 1)
    signal.addEventListener('abort', raise, { once: true })
    // This thread holds at most RUNNING_ANALYSES slots of a pool that size: never refused.
    const slot = this.options.pool.admit()
    try {
      return await slot.run(
        'analyze',
        {
          database: this.options.database,
          document,
          memoryIds: [...memoryIds],
          cancel,
        },
        { signal },
      )
    } finally {
      slot.release()
      signal.removeEventListener('abort', raise)
    }
  }

  private takeSlot(signal: AbortSignal): Promise<void> {
    if (this.active < RUNNING_ANALYSES) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        start: () => {
          signal.removeEventListener('abort', onAbort)
          this.active++
          resolve()
        },
      }
      // Nobody waits for it any more: its place goes to the next one.
      const onAbort = () => {
        const index = this.queue.indexOf(waiter)
        if (index >= 0) this.queue.splice(index, 1)
        reject(new AnalysisCancelledError('The client left.'))
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.queue.push(waiter)
    })
  }

  private startNext(): void {
    this.queue.shift()?.start()
  }

  private keyOf(request: AnalysisRequest): string {
    const revisions = request.memoryIds.map((id) => `${id}@${this.options.lookup.revision(id)}`)
    return `${request.documentId}|${revisions.join(',')}`
  }
}
