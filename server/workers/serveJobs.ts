import { getHeapStatistics } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { serializeError, type JobMap, type JobRequest, type WorkerMessage } from './jobProtocol.ts'

/**
 * The worker's side: runs each job it is sent and answers with its result or its error. A throw
 * from a handler is answered, never left uncaught, so the worker lives on for the next job.
 */
const heapBytes = () => getHeapStatistics().total_heap_size

export function serveJobs(jobs: JobMap): void {
  const port = parentPort
  if (!port) throw new Error('serveJobs runs in a worker thread')
  const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer)
  port.on('message', async (request: JobRequest) => {
    try {
      const handler = jobs[request.kind]
      if (!handler) throw new Error(`No job named ${request.kind}.`)
      const output = await handler(request.input as never)
      send(
        { type: 'done', id: request.id, result: output.result, heapBytes: heapBytes() },
        output.transfer,
      )
    } catch (error) {
      send({ type: 'failed', id: request.id, error: serializeError(error), heapBytes: heapBytes() })
    }
  })
  send({ type: 'ready' })
}
