import { emptyProgress, type ImportProgress, type ImportSummary } from './importTmx.ts'

/** What the client polls while its upload streams in. */
export type ImportJobState =
  | ({ state: 'running' } & ImportProgress)
  | ({ state: 'done' } & ImportSummary)
  | ({ state: 'failed'; error: { code: string; message: string } } & ImportProgress)

interface Job {
  userId: string
  memoryId: string
  status: ImportJobState
  updatedAt: number
}

/** A finished job is kept this long for a last poll, then forgotten. */
const KEEP_FINISHED_MS = 10 * 60 * 1000
/** Jobs one user may have known at once (running or recently finished). */
const MAX_JOBS_PER_USER = 20

/**
 * The progress of TMX imports, by an id the client picks before it starts the upload (so that it
 * can poll while the request is still sending). In memory: a restart ends every upload anyway.
 * A job is visible only to the user who started it, and only under its memory.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  /** False when the id is taken or the user has too many jobs. */
  start(jobId: string, userId: string, memoryId: string, now = Date.now()): boolean {
    this.sweep(now)
    if (this.jobs.has(jobId)) return false
    let mine = 0
    for (const job of this.jobs.values()) if (job.userId === userId) mine++
    if (mine >= MAX_JOBS_PER_USER) return false
    this.jobs.set(jobId, {
      userId,
      memoryId,
      updatedAt: now,
      status: { state: 'running', ...emptyProgress() },
    })
    return true
  }

  update(jobId: string, status: ImportJobState, now = Date.now()): void {
    const job = this.jobs.get(jobId)
    if (!job) return
    // Copied: the importer keeps changing the progress object it reports.
    job.status = { ...status, skipped: { ...status.skipped } }
    job.updatedAt = now
  }

  get(jobId: string, userId: string, memoryId: string): ImportJobState | undefined {
    const job = this.jobs.get(jobId)
    return job && job.userId === userId && job.memoryId === memoryId ? job.status : undefined
  }

  private sweep(now: number): void {
    for (const [id, job] of this.jobs) {
      if (job.status.state !== 'running' && now - job.updatedAt > KEEP_FINISHED_MS) {
        this.jobs.delete(id)
      }
    }
  }
}
