import { Worker } from 'node:worker_threads'
import type { Logger } from '../logging/index.ts'
import { JobError, PoolBusyError } from './JobError.ts'
import type { JobInput, JobMap, JobResult, WorkerMessage } from './jobProtocol.ts'

export interface WorkerPoolOptions {
  /**
   * The module whose `jobs` export holds the handlers (`jobs.ts`, or a test's own); in the
   * build, a module that serves them when loaded (`serverJobs.mjs`).
   */
  jobs: URL
  /**
   * Worker threads at most. 0 runs every job on the calling thread, as before the pool
   * existed: kept only so that a benchmark can compare the two.
   */
  size: number
  /** Slots beyond the running ones: jobs waiting, or requests still receiving their upload. */
  maxQueued: number
  /** V8 old-generation limit of each worker; past it the worker dies and its job fails. */
  memoryLimitMb: number
  /** V8 young-generation size of each worker; V8's own default when absent. */
  youngGenerationMb?: number
  /** A job running longer is stopped (its worker terminated and replaced). */
  jobTimeoutMs: number
  /** A worker idle this long exits, giving back the heap a large job grew. */
  idleTimeoutMs: number
  /**
   * A worker whose heap a job grew past this exits as soon as the job is done, not
   * `idleTimeoutMs` later: a large import's few hundred MB are given back at once, while the
   * next job pays a worker's start. Unset for pools whose workers keep state on purpose.
   */
  retireAboveHeapMb?: number
  /** What a refusal asks the client to wait before trying again. */
  retryAfterSeconds: number
  log: Logger
}

/** Where a slot's job is, for a progress indicator. */
export type SlotState =
  | { phase: 'receiving' }
  | { phase: 'queued'; position: number }
  | { phase: 'running' }
  | { phase: 'done' }

/** A place in the pool taken before the work's input exists (while its upload streams in). */
export interface Slot<Jobs extends JobMap> {
  state(): SlotState
  /**
   * Runs one job in this slot; `transfer` lists buffers of `input` to move, not copy. A job
   * still waiting when `signal` aborts (its client left) is dropped, failing with `cancelled`.
   */
  run<Kind extends keyof Jobs & string>(
    kind: Kind,
    input: JobInput<Jobs, Kind>,
    options?: { transfer?: ArrayBuffer[]; signal?: AbortSignal },
  ): Promise<JobResult<Jobs, Kind>>
  /** Gives the slot back; call once the request is over, whatever happened. */
  release(): void
}

interface Pending {
  id: number
  kind: string
  input: unknown
  transfer: ArrayBuffer[]
  resolve(result: unknown): void
  reject(error: Error): void
}

interface PoolWorker {
  worker: Worker
  isReady: boolean
  job: Pending | null
  /** Set when we end it on purpose: not a crash. */
  ending: 'timed_out' | 'idle' | 'closed' | null
  outOfMemory: boolean
  timer: NodeJS.Timeout | null
}

const BOOT = new URL('./bootWorker.mjs', import.meta.url)
const SERVE = new URL('./serveJobs.ts', import.meta.url)
/** Workers failing to start this many times in a row fail the queue rather than loop. */
const MAX_BOOT_FAILURES = 3

/**
 * A few worker threads for CPU-heavy jobs (decoding, segmenting, building a Y.Doc, aligning),
 * so that the event loop keeps answering everyone else. Bounded: `size` run, `maxQueued` more
 * may hold a slot; beyond that `admit` refuses at once, before any upload is read. A worker that
 * dies (a crash, its memory limit, a timeout) fails only its own job and is replaced on demand.
 */
export class WorkerPool<Jobs extends JobMap> {
  private readonly workers = new Set<PoolWorker>()
  private readonly waiting: Pending[] = []
  private admitted = 0
  private nextId = 1
  private bootFailures = 0
  private isClosed = false
  private inlineJobs: Promise<JobMap> | null = null

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Slots in use: receiving, queued and running. */
  get load(): number {
    return this.admitted
  }

  /** Worker threads running or starting. */
  get threads(): number {
    return this.workers.size
  }

  /** Takes a slot, or throws PoolBusyError when all `size + maxQueued` are taken. */
  admit(): Slot<Jobs> {
    if (this.isClosed) throw new JobError('closed', 'The server is shutting down.')
    const capacity = Math.max(1, this.options.size) + this.options.maxQueued
    if (this.admitted >= capacity) throw new PoolBusyError(this.options.retryAfterSeconds)
    this.admitted++
    let released = false
    let pending: Pending | null = null
    let phase: 'receiving' | 'waiting' | 'done' = 'receiving'
    return {
      state: (): SlotState => {
        if (phase === 'receiving') return { phase: 'receiving' }
        if (phase === 'done') return { phase: 'done' }
        const index = pending ? this.waiting.indexOf(pending) : -1
        return index >= 0 ? { phase: 'queued', position: index + 1 } : { phase: 'running' }
      },
      run: async (kind, input, { transfer = [], signal } = {}) => {
        phase = 'waiting'
        try {
          const onQueued = (job: Pending) => (pending = job)
          return (await this.submit(kind, input, transfer, signal, onQueued)) as never
        } finally {
          phase = 'done'
        }
      },
      release: () => {
        if (released) return
        released = true
        phase = 'done'
        this.admitted--
      },
    }
  }

  /**
   * Starts a worker ahead of a job that is expected soon, unless one is up or starting: its
   * start then does not delay the job. Unused, it ends after `idleTimeoutMs` as any worker does.
   */
  warm(): void {
    if (this.isClosed || this.options.size === 0 || this.workers.size > 0) return
    this.spawn()
  }

  /** Fails what waits or runs, and ends every worker. */
  async close(): Promise<void> {
    this.isClosed = true
    for (const job of this.waiting.splice(0)) {
      job.reject(new JobError('closed', 'The server is shutting down.'))
    }
    const ending = [...this.workers].map((entry) => {
      entry.ending = 'closed'
      return entry.worker.terminate()
    })
    await Promise.all(ending)
  }

  private submit(
    kind: string,
    input: unknown,
    transfer: ArrayBuffer[],
    signal: AbortSignal | undefined,
    onQueued: (job: Pending) => void,
  ): Promise<unknown> {
    if (this.isClosed) return Promise.reject(new JobError('closed', 'The server is shutting down.'))
    if (signal?.aborted) return Promise.reject(new JobError('cancelled', 'The client left.'))
    if (this.options.size === 0) return this.runInline(kind, input)
    return new Promise((resolve, reject) => {
      const job: Pending = { id: this.nextId++, kind, input, transfer, resolve, reject }
      onQueued(job)
      this.waiting.push(job)
      signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(job)
        if (index < 0) return
        this.waiting.splice(index, 1)
        reject(new JobError('cancelled', 'The client left.'))
      })
      this.dispatch()
    })
  }

  /** The comparison mode: the job blocks this thread, as every import did before the pool. */
  private async runInline(kind: string, input: unknown): Promise<unknown> {
    this.inlineJobs ??= import(this.options.jobs.href).then(
      (module: { jobs: JobMap }) => module.jobs,
    )
    const handler = (await this.inlineJobs)[kind]
    if (!handler) throw new JobError('threw', `No job named ${kind}.`)
    return (await handler(input as never)).result
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const idle = [...this.workers].find((entry) => entry.isReady && entry.job === null)
      if (!idle) break
      this.start(idle, this.waiting.shift()!)
    }
    const starting = [...this.workers].filter((entry) => !entry.isReady).length
    const wanted = Math.min(this.waiting.length - starting, this.options.size - this.workers.size)
    for (let i = 0; i < wanted; i++) this.spawn()
  }

  private start(entry: PoolWorker, job: Pending): void {
    if (entry.timer) clearTimeout(entry.timer)
    entry.job = job
    entry.timer = setTimeout(() => this.end(entry, 'timed_out'), this.options.jobTimeoutMs)
    entry.timer.unref()
    entry.worker.postMessage({ id: job.id, kind: job.kind, input: job.input }, job.transfer)
    // The input now belongs to the worker; nothing here should keep it alive.
    job.input = null
    job.transfer = []
  }

  private end(entry: PoolWorker, why: 'timed_out' | 'idle'): void {
    entry.ending = why
    // Out of the pool at once, so that no job is handed to a worker on its way out.
    this.workers.delete(entry)
    void entry.worker.terminate()
    this.dispatch()
  }

  private spawn(): void {
    const { jobs } = this.options
    // TypeScript boots through tsx's API; a built module (server/dist) serves its jobs itself.
    const isSource = jobs.pathname.endsWith('.ts')
    const worker = new Worker(isSource ? BOOT : jobs, {
      workerData: isSource ? { serve: SERVE.href, jobs: jobs.href } : undefined,
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryLimitMb,
        ...(this.options.youngGenerationMb === undefined
          ? {}
          : { maxYoungGenerationSizeMb: this.options.youngGenerationMb }),
      },
    })
    // Workers never keep the process alive on their own; the server or the caller does.
    worker.unref()
    const entry: PoolWorker = {
      worker,
      isReady: false,
      job: null,
      ending: null,
      outOfMemory: false,
      timer: null,
    }
    this.workers.add(entry)
    worker.on('message', (message: WorkerMessage) => this.receive(entry, message))
    worker.on('error', (error: Error & { code?: string }) => {
      // An uncaught throw or the memory limit; 'exit' follows and settles the job.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') entry.outOfMemory = true
      else this.options.log.error('workers.worker_error', { error })
    })
    worker.on('messageerror', (error) => {
      this.options.log.error('workers.message_error', { error })
    })
    worker.on('exit', (code) => this.exited(entry, code))
  }

  private receive(entry: PoolWorker, message: WorkerMessage): void {
    if (message.type === 'ready') {
      entry.isReady = true
      this.bootFailures = 0
      this.idle(entry)
      this.dispatch()
      return
    }
    const job = entry.job
    if (!job || job.id !== message.id) return
    entry.job = null
    if (message.type === 'done') job.resolve(message.result)
    else job.reject(new JobError('threw', message.error.message, message.error))
    const retireAbove = this.options.retireAboveHeapMb
    if (retireAbove !== undefined && message.heapBytes > retireAbove * 1024 * 1024) {
      this.end(entry, 'idle')
      return
    }
    this.idle(entry)
    this.dispatch()
  }

  private idle(entry: PoolWorker): void {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = setTimeout(() => this.end(entry, 'idle'), this.options.idleTimeoutMs)
    entry.timer.unref()
  }

  private exited(entry: PoolWorker, code: number): void {
    this.workers.delete(entry)
    if (entry.timer) clearTimeout(entry.timer)
    const job = entry.job
    entry.job = null
    if (job) {
      const failure =
        entry.ending === 'timed_out'
          ? new JobError('timed_out', `The job ran longer than ${this.options.jobTimeoutMs} ms.`)
          : entry.ending === 'closed'
            ? new JobError('closed', 'The server is shutting down.')
            : entry.outOfMemory
              ? new JobError('out_of_memory', 'The job needed more memory than a worker has.')
              : new JobError('crashed', `The worker stopped (exit code ${code}).`)
      if (failure.reason !== 'closed') {
        this.options.log.warn('workers.job_failed', { kind: job.kind, reason: failure.reason })
      }
      job.reject(failure)
    }
    if (this.isClosed || entry.ending === 'idle') return
    if (!entry.isReady) {
      this.bootFailures++
      this.options.log.error('workers.boot_failed', { code, failures: this.bootFailures })
      if (this.bootFailures >= MAX_BOOT_FAILURES) {
        this.bootFailures = 0
        for (const waiting of this.waiting.splice(0)) {
          waiting.reject(new JobError('crashed', 'No worker could be started.'))
        }
      }
    }
    // A replacement starts when there is work for it.
    this.dispatch()
  }
}
