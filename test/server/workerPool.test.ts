import { afterEach, describe, expect, test } from 'vitest'
import {
  JobError,
  PoolBusyError,
  WorkerPool,
  type WorkerPoolOptions,
} from '../../server/workers/index.ts'
import { createJsonLogger } from '../../server/logging/index.ts'
import type { TestJobs } from '../fixtures/workers/testJobs.ts'
import { waitFor } from '../support/waitFor.ts'
import { defaultConfig } from '../../server/config.ts'

const TEST_JOBS = new URL('../fixtures/workers/testJobs.ts', import.meta.url)
const pools: WorkerPool<TestJobs>[] = []

function startPool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TestJobs> {
  const pool = new WorkerPool<TestJobs>({
    jobs: TEST_JOBS,
    size: 1,
    maxQueued: 4,
    memoryLimitMb: 512,
    jobTimeoutMs: 120_000,
    idleTimeoutMs: 120_000,
    retryAfterSeconds: 7,
    log: createJsonLogger(() => {}),
    ...options,
  })
  pools.push(pool)
  return pool
}

/** Runs one job in a slot of its own, giving the slot back after. */
async function runJob<Kind extends keyof TestJobs & string>(
  pool: WorkerPool<TestJobs>,
  kind: Kind,
  input: Parameters<TestJobs[Kind]>[0],
) {
  const slot = pool.admit()
  try {
    return await slot.run(kind, input)
  } finally {
    slot.release()
  }
}

async function failure(promise: Promise<unknown>): Promise<JobError> {
  const error = await promise.then(
    () => new Error('expected the job to fail'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(JobError)
  return error as JobError
}

function gate() {
  const buffer = new SharedArrayBuffer(4)
  return {
    buffer,
    open() {
      Atomics.store(new Int32Array(buffer), 0, 1)
      Atomics.notify(new Int32Array(buffer), 0)
    },
  }
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

describe('the worker pool', () => {
  test('runs a job on another thread and hands its buffers back', async () => {
    const pool = startPool()
    const { threadId } = await runJob(pool, 'whereAmI', undefined as never)
    expect(threadId).toBeGreaterThan(0)
    const { bytes } = await runJob(pool, 'doubleBytes', { bytes: new Uint8Array([1, 2, 3]) })
    expect([...bytes]).toEqual([2, 4, 6])
  })

  test('a warmed pool starts one worker before any job, and the first job runs on it', async () => {
    const pool = startPool({ size: 2 })
    expect(pool.threads).toBe(0)
    pool.warm()
    pool.warm()
    expect(pool.threads).toBe(1)
    const { threadId } = await runJob(pool, 'whereAmI', undefined as never)
    expect(threadId).toBeGreaterThan(0)
    expect(pool.threads).toBe(1)
    // With no threads at all, warming starts nothing.
    const inline = startPool({ size: 0 })
    inline.warm()
    expect(inline.threads).toBe(0)
  })

  test('a worker whose heap a job grew past the limit exits at once; a small job keeps it', async () => {
    const pool = startPool({ retireAboveHeapMb: 150 })
    const first = await runJob(pool, 'holdMemory', { mb: 4 })
    expect(await runJob(pool, 'whereAmI', undefined as never)).toEqual(first)
    expect(pool.threads).toBe(1)
    const grown = await runJob(pool, 'holdMemory', { mb: 200 })
    expect(grown).toEqual(first)
    // Gone with the answer, not after the two-minute idle timeout.
    expect(pool.threads).toBe(0)
    const next = await runJob(pool, 'whereAmI', undefined as never)
    expect(next.threadId).not.toBe(first.threadId)
  })

  test('runs jobs on the calling thread when its size is 0', async () => {
    const pool = startPool({ size: 0 })
    expect((await runJob(pool, 'whereAmI', undefined as never)).threadId).toBe(0)
  })

  test("a handler's AppError arrives with its code and status, and the worker serves on", async () => {
    const pool = startPool()
    const first = await runJob(pool, 'whereAmI', undefined as never)
    const error = await failure(runJob(pool, 'throwAppError', undefined as never))
    expect(error.reason).toBe('threw')
    expect(error.remote).toMatchObject({ code: 'import.not_utf8', status: 400 })
    expect(await runJob(pool, 'whereAmI', undefined as never)).toEqual(first)
  })

  test('a worker that dies mid-job fails only that job; a new worker runs the next', async () => {
    const pool = startPool()
    const first = await runJob(pool, 'whereAmI', undefined as never)
    expect((await failure(runJob(pool, 'exitWorker', undefined as never))).reason).toBe('crashed')
    const next = await runJob(pool, 'whereAmI', undefined as never)
    expect(next.threadId).not.toBe(first.threadId)
  })

  test('a job past the memory limit fails as out of memory and the pool keeps serving', async () => {
    const pool = startPool({ memoryLimitMb: 48 })
    const error = await failure(runJob(pool, 'exhaustMemory', undefined as never))
    expect(error.reason).toBe('out_of_memory')
    expect((await runJob(pool, 'whereAmI', undefined as never)).threadId).toBeGreaterThan(0)
  })

  test('a job past its time limit is stopped and fails as timed out', async () => {
    const pool = startPool({ jobTimeoutMs: 300 })
    const error = await failure(runJob(pool, 'spinForever', undefined as never))
    expect(error.reason).toBe('timed_out')
    expect((await runJob(pool, 'whereAmI', undefined as never)).threadId).toBeGreaterThan(0)
  })

  test('admits its size plus its queue, refuses the next until a slot is given back', () => {
    const pool = startPool({ size: 2, maxQueued: 3 })
    const slots = Array.from({ length: 5 }, () => pool.admit())
    expect(slots.map((slot) => slot.state())).toEqual(Array(5).fill({ phase: 'receiving' }))
    const refusal = (() => {
      try {
        pool.admit()
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(PoolBusyError)
    expect((refusal as PoolBusyError).retryAfterSeconds).toBe(7)
    slots[0]!.release()
    slots[0]!.release()
    expect(pool.load).toBe(4)
    expect(() => pool.admit()).not.toThrow()
  })

  test('waiting jobs know their place; one whose client leaves is dropped', async () => {
    const pool = startPool({ size: 1 })
    const held = gate()
    const running = pool.admit()
    const first = running.run('waitForGate', { gate: held.buffer })
    await waitFor(() => expect(running.state()).toEqual({ phase: 'running' }), {
      timeoutMs: 60_000,
    })
    const [second, third] = [pool.admit(), pool.admit()]
    const leaving = new AbortController()
    const secondRun = second.run('whereAmI', undefined as never, { signal: leaving.signal })
    const thirdRun = third.run('whereAmI', undefined as never)
    expect(second.state()).toEqual({ phase: 'queued', position: 1 })
    expect(third.state()).toEqual({ phase: 'queued', position: 2 })
    leaving.abort()
    expect((await failure(secondRun)).reason).toBe('cancelled')
    expect(third.state()).toEqual({ phase: 'queued', position: 1 })
    held.open()
    await first
    await thirdRun
    expect(third.state()).toEqual({ phase: 'done' })
  })

  test('closing fails what runs and what waits', async () => {
    const pool = startPool({ size: 1 })
    const held = gate()
    const running = failure(pool.admit().run('waitForGate', { gate: held.buffer }))
    const waiting = failure(pool.admit().run('whereAmI', undefined as never))
    await pool.close()
    expect((await running).reason).toBe('closed')
    expect((await waiting).reason).toBe('closed')
    expect(() => pool.admit()).toThrow(JobError)
  })
})

test('workers start with the pool’s heap limits, and the server’s pools with its configured ones', async () => {
  const limits = await runJob(
    startPool({ memoryLimitMb: 300, youngGenerationMb: 16 }),
    'heapLimits',
    undefined as never,
  )
  expect(limits).toMatchObject({ oldMb: 300, youngMb: 16 })
  expect(defaultConfig.workers.youngGenerationMb).toBe(16)
})
