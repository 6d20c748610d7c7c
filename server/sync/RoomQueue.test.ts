import { expect, test } from 'vitest'
import { RoomQueue, type QueuedUpdate } from './RoomQueue.ts'

const item = (name: string) => ({ connection: { name }, update: {} }) as unknown as QueuedUpdate
const names = (batch: QueuedUpdate[]) =>
  batch.map((queued) => (queued.connection as unknown as { name: string }).name)

test('a batch that fails is reported with its updates, and the batches after it still run', async () => {
  const queue = new RoomQueue()
  const ran: string[][] = []
  const failures: string[][] = []
  const run = async (batch: QueuedUpdate[]) => {
    ran.push(names(batch))
    if (names(batch).includes('bad')) throw new Error('judging broke')
  }
  const failed = (batch: QueuedUpdate[]) => failures.push(names(batch))
  queue.push(item('bad'), run, failed)
  // Queued while the first batch waits its turn: one batch behind it.
  queue.push(item('b'), run, failed)
  queue.push(item('c'), run, failed)
  await queue.drained()
  queue.push(item('d'), run, failed)
  await queue.drained()
  expect(ran).toEqual([['bad', 'b', 'c'], ['d']])
  expect(failures).toEqual([['bad', 'b', 'c']])
})

test('a task added after a failed batch runs', async () => {
  const queue = new RoomQueue()
  let ranAfter = false
  queue.push(
    item('bad'),
    () => Promise.reject(new Error('broke')),
    () => {},
  )
  queue.add((tail) =>
    tail.then(() => {
      ranAfter = true
    }),
  )
  await queue.drained()
  expect(ranAfter).toBe(true)
})
