/**
 * What a job module exports: named handlers, each taking a structured-cloneable input and
 * returning its result plus the ArrayBuffers to hand over without copying.
 */
export type JobHandler<Input = never, Result = unknown> = (
  input: Input,
) => JobOutput<Result> | Promise<JobOutput<Result>>

export interface JobOutput<Result> {
  result: Result
  /** Buffers inside `result` moved to the main thread rather than copied (large updates). */
  transfer?: ArrayBuffer[]
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a handler's input type is its own; any is the only bound every handler meets
export type JobMap = Record<string, JobHandler<any, unknown>>

export type JobInput<Jobs extends JobMap, Kind extends keyof Jobs> = Parameters<Jobs[Kind]>[0]
export type JobResult<Jobs extends JobMap, Kind extends keyof Jobs> = Awaited<
  ReturnType<Jobs[Kind]>
>['result']

/** An error as it crosses from a worker: an AppError keeps its code, status and detail. */
export interface SerializedError {
  name: string
  message: string
  code?: string
  status?: number
  detail?: Record<string, unknown>
}

export interface JobRequest {
  id: number
  kind: string
  input: unknown
}

export type WorkerMessage =
  | { type: 'ready' }
  /** `heapBytes`: the worker's V8 heap after the job, committed, garbage included. */
  | { type: 'done'; id: number; result: unknown; heapBytes: number }
  | { type: 'failed'; id: number; error: SerializedError; heapBytes: number }

/** Errors keep what the client is told (an AppError's code, status, detail) across threads. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const serialized: SerializedError = { name: error.name, message: error.message }
  const fields = error as Error & { code?: unknown; status?: unknown; detail?: unknown }
  if (typeof fields.code === 'string') serialized.code = fields.code
  if (typeof fields.status === 'number') serialized.status = fields.status
  if (typeof fields.detail === 'object' && fields.detail !== null) {
    serialized.detail = fields.detail as Record<string, unknown>
  }
  return serialized
}

/**
 * The bytes of `view` as a buffer that may be transferred. A small Buffer is a slice of Node's
 * shared pool, and transferring that pool would detach every other Buffer in it: copy those.
 */
export function ownBuffer(view: Uint8Array): { bytes: Uint8Array; buffer: ArrayBuffer } {
  const whole =
    view.buffer instanceof ArrayBuffer &&
    view.byteOffset === 0 &&
    view.byteLength === view.buffer.byteLength
  const bytes = whole ? view : new Uint8Array(view)
  return { bytes, buffer: bytes.buffer as ArrayBuffer }
}
