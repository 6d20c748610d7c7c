import type { Request, Response } from 'express'
import { z } from 'zod'
import type { User } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import {
  JobError,
  PoolBusyError,
  type ServerJobs,
  type Slot,
  type SlotState,
  type WorkerPool,
} from '../workers/index.ts'
import {
  AppError,
  BusyError,
  ImportError,
  InvalidRequestError,
  NotFoundError,
  type ErrorCode,
} from './errors.ts'
import { parseInput } from './parseInput.ts'

/** `?progress=UUID` on an upload: the id the form then asks `GET /imports/:progress` about. */
const progressQuery = z.object({ progress: z.uuid().optional() })
export const progressParams = z.object({ progress: z.uuid() })

/** What a slot is taken for: the refusal of a full pool names it. */
type SlotPurpose = 'import' | 'export'

/** An upload's place in the worker pool, taken before its body is read. */
export type ImportSlot = Pick<Slot<ServerJobs>, 'run'>

/**
 * The routes' way into the worker pool. A request takes a slot before reading its upload, so a
 * full pool answers 503 at once and holds no more bodies in memory; the job's failures come back
 * as the AppErrors the client translates. A slot named by `?progress=` can be watched by its
 * user while it waits, for the form's progress indicator.
 */
export class ImportQueue {
  private readonly watched = new Map<string, { userId: string; slot: Slot<ServerJobs> }>()

  constructor(
    private readonly pool: WorkerPool<ServerJobs>,
    private readonly log: Logger,
  ) {}

  /**
   * Runs `work` holding a slot (refusing with `import.busy` when none is free). A job still
   * waiting when the client goes away is dropped.
   */
  withSlot<T>(
    request: Request,
    response: Response,
    user: User,
    work: (slot: ImportSlot) => Promise<T>,
  ): Promise<T> {
    return this.runInSlot('import', request, response, user, work)
  }

  /** Runs an export's `work` holding a slot, as `withSlot` does, refusing with `export.busy`. */
  withExportSlot<T>(
    request: Request,
    response: Response,
    user: User,
    work: (slot: ImportSlot) => Promise<T>,
  ): Promise<T> {
    return this.runInSlot('export', request, response, user, work)
  }

  private async runInSlot<T>(
    purpose: SlotPurpose,
    request: Request,
    response: Response,
    user: User,
    work: (slot: ImportSlot) => Promise<T>,
  ): Promise<T> {
    const { progress } = parseInput(progressQuery, request.query)
    if (progress !== undefined && this.watched.has(progress)) {
      throw new InvalidRequestError('An upload with this progress id is already running.')
    }
    const slot = this.take(purpose)
    if (progress !== undefined) this.watched.set(progress, { userId: user.id, slot })
    const left = new AbortController()
    const onClose = () => {
      if (!response.writableFinished) left.abort()
    }
    response.on('close', onClose)
    try {
      return await work({
        run: (kind, input, options) =>
          slot.run(kind, input, { ...options, signal: left.signal }).catch((error: unknown) => {
            throw this.toAppError(error, purpose)
          }),
      })
    } finally {
      response.off('close', onClose)
      if (progress !== undefined) this.watched.delete(progress)
      slot.release()
    }
  }

  /** Where the user's upload `progress` is; 404 for an unknown id or another user's. */
  state(user: User, progress: string): SlotState {
    const entry = this.watched.get(progress)
    if (!entry || entry.userId !== user.id) {
      throw new NotFoundError('request.not_found', 'No upload with this id is in progress.')
    }
    return entry.slot.state()
  }

  private take(purpose: SlotPurpose): Slot<ServerJobs> {
    try {
      return this.pool.admit()
    } catch (error) {
      throw this.toAppError(error, purpose)
    }
  }

  private toAppError(error: unknown, purpose: SlotPurpose): unknown {
    if (error instanceof PoolBusyError) {
      return new BusyError(`${purpose}.busy`, error.retryAfterSeconds)
    }
    if (!(error instanceof JobError)) return error
    const { remote } = error
    if (error.reason === 'threw' && remote?.code !== undefined && remote.status !== undefined) {
      return new AppError(remote.code as ErrorCode, remote.status, remote.message, remote.detail)
    }
    if (error.reason === 'out_of_memory') {
      return new ImportError(
        'import.too_complex',
        'The file needs more memory to import than the server allows; split it into parts.',
      )
    }
    // A bug in a job, a dead worker, a timeout, a shutdown: the process serves on; this
    // request is told plainly that nothing was stored.
    if (error.reason === 'threw' || error.reason === 'crashed') {
      this.log.error('workers.job_error', { reason: error.reason, error: remote ?? error })
    }
    return new ImportError('import.failed', 'The file could not be processed; nothing was stored.')
  }
}
