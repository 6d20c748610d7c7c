import { Worker } from 'node:worker_threads'
import type { Logger } from '../logging/index.ts'

const WORKER = new URL('./walCheckpointWorker.mjs', import.meta.url)

export interface WalCheckpoints {
  close(): void
}

/** Checkpoints the file's WAL every `intervalMs` from a worker thread, off the event loop. */
export function startWalCheckpoints(file: string, intervalMs: number, log: Logger): WalCheckpoints {
  const worker = new Worker(WORKER, { workerData: { file, intervalMs } })
  // It must not keep a finished process (a CLI command, a test) alive.
  worker.unref()
  let failures = 0
  worker.on('message', (message: { failed?: string }) => {
    // Logged once in a while, not per tick: a long read can keep it busy for a few seconds.
    if (message.failed && failures++ % 100 === 0) {
      log.warn('database.checkpoint_failed', { message: message.failed, failures })
    }
  })
  worker.on('error', (error) => log.error('database.checkpoint_thread_failed', { error }))
  return {
    // Not awaited: the thread closes its connection and ends on its own (a checkpoint cut
    // short is safe in SQLite), and a server shutting down does not wait for a thread start.
    close() {
      worker.postMessage('close')
    },
  }
}
