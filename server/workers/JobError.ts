import type { SerializedError } from './jobProtocol.ts'

/**
 * Why a job produced no result: its handler threw (`remote` says what), its worker died or ran
 * out of memory, it ran past its time, its caller gave up while it waited, or the pool closed.
 */
export type JobFailure =
  'threw' | 'crashed' | 'out_of_memory' | 'timed_out' | 'cancelled' | 'closed'

export class JobError extends Error {
  override name = 'JobError'
  constructor(
    readonly reason: JobFailure,
    message: string,
    /** The handler's own error, when it threw one. */
    readonly remote?: SerializedError,
  ) {
    super(message)
  }
}

/** Every slot is taken (running, queued or still receiving its upload): come back later. */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError'
  constructor(readonly retryAfterSeconds: number) {
    super('Every worker slot is taken.')
  }
}
