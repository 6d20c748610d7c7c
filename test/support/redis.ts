import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer, type AddressInfo } from 'node:net'
import { Redis } from 'ioredis'

/**
 * The Redis the tests use: this machine's shared one unless TEST_REDIS_URL names another.
 * It is shared by everyone working here: tests only ever touch keys under a prefix of their
 * own, never FLUSHALL/FLUSHDB, and never restart it (start your own with `startRedisServer`).
 */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function reachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.ping()
    return true
  } catch (error) {
    console.warn(
      `\n*** Redis is not reachable at ${REDIS_URL} (${String(error)}).\n` +
        '*** Its tests are SKIPPED. Start it (redis-server) or set TEST_REDIS_URL.\n',
    )
    return false
  } finally {
    client.disconnect()
  }
}

/** False, after a loud warning, when there is no Redis to test against. */
export const hasRedis: boolean = await reachable()

/** A key prefix nobody else uses: `t:<label>:<random>:`. */
export function uniquePrefix(label: string): string {
  return `t:${label}:${randomBytes(5).toString('hex')}:`
}

/** Deletes the keys under `prefix` (and only those) in the Redis at `url`. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  client.on('error', () => undefined)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) await client.del(...keys)
    } while (cursor !== '0')
  } finally {
    client.disconnect()
  }
}

/** A redis-server of the test's own, on a port of its own, with no persistence. */
export interface OwnRedis {
  url: string
  /** SIGKILL: every connection drops at once, and everything it held is gone. */
  kill(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export async function startRedisServer(): Promise<OwnRedis> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    await new Promise<void>((resolve, reject) => {
      let output = ''
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      })
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
    })
  }
  const kill = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return { url, kill, start, stop: kill }
}
