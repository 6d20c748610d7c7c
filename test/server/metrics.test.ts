import { afterEach, describe, expect, test } from 'vitest'
import { createServer, type AddressInfo } from 'node:net'
import { deleteKeys, hasRedis, REDIS_URL, uniquePrefix } from '../support/redis.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'

let server: TestServer | null = null

afterEach(async () => {
  await server?.dispose()
  server = null
})

const TOKEN = 'scrape-me-if-you-can-1234'

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server!.url}${path}`, { headers })
  return { status: response.status, text: await response.text() }
}

/** A local port nothing listens on: Redis "down" from the start. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

describe('/metrics', () => {
  test('serves Prometheus text to this machine, and 404 to a request a proxy forwarded', async () => {
    server = await startTestServer()
    const served = await get('/metrics')
    expect(served.status).toBe(200)
    expect(served.text).toMatch(/^# TYPE qalam_updates_accepted_total counter$/m)
    expect(served.text).toMatch(/^qalam_rooms_open 0$/m)
    expect(served.text).toMatch(/^qalam_store_append_seconds_bucket\{le="\+Inf"\} 0$/m)
    // No Redis configured: no gauge pretending it is down.
    expect(served.text).not.toMatch(/qalam_redis_connected/)
    expect((await get('/metrics', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(404)
  })

  test('with METRICS_TOKEN, asks for it as a bearer token, even from this machine', async () => {
    server = await startTestServer({ metricsToken: TOKEN })
    expect((await get('/metrics')).status).toBe(404)
    expect((await get('/metrics', { authorization: `Bearer ${TOKEN}x` })).status).toBe(404)
    const served = await get('/metrics', { authorization: `Bearer ${TOKEN}` })
    expect(served.status).toBe(200)
    expect(served.text).toMatch(/^qalam_connections 0$/m)
  })
})

describe('/readyz with REDIS_URL', () => {
  test('is 503 while Redis is unreachable, and /metrics says it is not connected', async () => {
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${await closedPort()}` })
    const ready = await get('/readyz')
    expect(ready.status).toBe(503)
    expect(JSON.parse(ready.text)).toEqual({ ok: false, redis: 'unreachable' })
    expect((await get('/metrics')).text).toMatch(/^qalam_redis_connected 0$/m)
  })

  test.skipIf(!hasRedis)('is 200 once Redis answers', async () => {
    const prefix = uniquePrefix('readyz')
    try {
      server = await startTestServer({ redisUrl: REDIS_URL, redisPrefix: prefix })
      await waitFor(async () => expect((await get('/readyz')).status).toBe(200))
      expect((await get('/metrics')).text).toMatch(/^qalam_redis_connected 1$/m)
    } finally {
      await server?.dispose()
      server = null
      await deleteKeys(REDIS_URL, prefix)
    }
  })
})
