import { stat } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../logging/index.ts'

const WORKER = new URL('./walCheckpointWorker.mjs', import.meta.url)
/** A thread with no WAL growth for this long ends; the next write starts another. */
const IDLE_AFTER_MS = 60_000

export interface WalCheckpoints {
  /** Whether the checkpoint thread is running now. */
  isRunning(): boolean
  close(): void
}

export interface WalCheckpointOptions {
  intervalMs: number
  idleAfterMs?: number
  log: Logger
}

/** The WAL file's size and time of last write, or null while it does not exist. */
async function walMark(file: string): Promise<string | null> {
  try {
    const stats = await stat(`${file}-wal`)
    return `${stats.size}:${stats.mtimeMs}`
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Checkpoints the file's WAL every `intervalMs` from a worker thread, off the event loop. The
 * thread runs only while the WAL is being written: an idle server does not keep a second V8
 * isolate and SQLite connection (~15 MB) for nothing. The main thread notices writes by the
 * WAL file's size and mtime, a `stat` every interval.
 */
export function startWalCheckpoints(file: string, options: WalCheckpointOptions): WalCheckpoints {
  const { intervalMs, idleAfterMs = IDLE_AFTER_MS, log } = options
  let worker: Worker | null = null
  let lastMark: string | null | undefined
  let quietSince = Date.now()
  let failures = 0

  const startThread = () => {
    const thread = new Worker(WORKER, { workerData: { file, intervalMs } })
    // It must not keep a finished process (a CLI command, a test) alive.
    thread.unref()
    thread.on('message', (message: { failed?: string }) => {
      // Logged once in a while, not per tick: a long read can keep it busy for a few seconds.
      if (message.failed && failures++ % 100 === 0) {
        log.warn('database.checkpoint_failed', { message: message.failed, failures })
      }
    })
    thread.on('error', (error) => log.error('database.checkpoint_thread_failed', { error }))
    thread.on('exit', () => {
      if (worker === thread) worker = null
    })
    return thread
  }
  // Not awaited: the thread closes its connection and ends on its own (a checkpoint cut short
  // is safe in SQLite), and a server shutting down does not wait for a thread start.
  const endThread = () => {
    worker?.postMessage('close')
    worker = null
  }

  const look = async () => {
    const mark = await walMark(file)
    // The first look takes the WAL as the start left it (the database checkpointed when it
    // opened): the few rows a start writes wait for the next write's checkpoint, rather
    // than holding a thread for a minute of every start.
    if (lastMark === undefined) {
      lastMark = mark
      return
    }
    if (mark !== lastMark) {
      lastMark = mark
      quietSince = Date.now()
      worker ??= startThread()
    } else if (worker && Date.now() - quietSince >= idleAfterMs) {
      endThread()
    }
  }
  const timer = setInterval(() => {
    look().catch((error: unknown) => {
      // The writers' own checkpoint threshold is the backstop; the next tick looks again.
      log.warn('database.checkpoint_look_failed', { error })
    })
  }, intervalMs)
  timer.unref()
  return {
    isRunning: () => worker !== null,
    close() {
      clearInterval(timer)
      endThread()
    },
  }
}
