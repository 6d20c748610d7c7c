import { afterEach, describe, expect, test } from 'vitest'
import Database from 'better-sqlite3'
import { databaseFile } from '../../server/config.ts'
import {
  CLIENT_HEADERS,
  createAdmin,
  createUser,
  login,
  TEST_PASSWORD,
} from '../support/accounts.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { connectClient, openRawSocket } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'

let server: TestServer | null = null
let process_: ServerProcess | null = null
let dir: TempDir | null = null

afterEach(async () => {
  await server?.dispose()
  server = null
  await process_?.stop()
  process_ = null
  await dir?.remove()
  dir = null
})

function postLogin(url: string, username: string, password: string, cookie?: string) {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify({ username, password }),
  })
}

/** `qalam_device=…` from a login answer, ready for a Cookie header. */
function deviceCookieOf(response: Response): string {
  const device = response.headers.getSetCookie().find((c) => c.startsWith('qalam_device='))
  if (!device) throw new Error(`no device cookie in a ${response.status} answer`)
  return device.split(';')[0]!
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code
}

/** Long first delays, so that a wait cannot run out while a test runs on a loaded machine. */
const THROTTLE = {
  perAccountAndAddress: { freeFailures: 3, firstDelayMs: 600_000, maxDelayMs: 3_600_000 },
  perAccount: { freeFailures: 100, firstDelayMs: 600_000, maxDelayMs: 3_600_000 },
  perAddress: { freeFailures: 100, firstDelayMs: 600_000, maxDelayMs: 3_600_000 },
  perDevice: { freeFailures: 3, firstDelayMs: 600_000, maxDelayMs: 3_600_000 },
  forgetAfterMs: 24 * 3_600_000,
}

describe('logging in', () => {
  test('sets an HttpOnly, SameSite=Lax session cookie whose token is stored only hashed', async () => {
    server = await startTestServer()
    const admin = await createAdmin(server, 'aigerim')
    const response = await postLogin(server.url, 'aigerim', TEST_PASSWORD)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      user: {
        id: admin.user.id,
        username: 'aigerim',
        isAdmin: true,
        isActive: true,
        mustChangePassword: false,
      },
    })
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/^qalam_session=[A-Za-z0-9_-]+; /)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure') // plain http in the test

    const token = /^qalam_session=([^;]+)/.exec(cookie)![1]!
    const db = new Database(server.databaseFile, { readonly: true })
    try {
      const rows = db.prepare('SELECT * FROM sessions').all()
      expect(rows.length).toBeGreaterThanOrEqual(2)
      expect(JSON.stringify(rows)).not.toContain(token)
    } finally {
      db.close()
    }
    const me = await fetch(`${server.url}/api/session`, {
      headers: { cookie: cookie.split(';')[0]! },
    })
    expect(await me.json()).toMatchObject({
      user: { id: admin.user.id, username: 'aigerim', isAdmin: true },
    })
  })

  test('refuses a wrong password and an unknown user alike with 401', async () => {
    server = await startTestServer()
    await createAdmin(server, 'aigerim')
    const wrong = await postLogin(server.url, 'aigerim', 'not the password')
    expect(wrong.status).toBe(401)
    expect(await errorCode(wrong)).toBe('auth.invalid_credentials')
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const unknown = await postLogin(server.url, 'nobody', TEST_PASSWORD)
    expect(unknown.status).toBe(401)
    expect(await errorCode(unknown)).toBe('auth.invalid_credentials')
    const malformed = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(malformed.status).toBe(400)
    expect(await errorCode(malformed)).toBe('request.invalid')
  })

  test('an attacker hammering one account is slowed with 429 and Retry-After, and the real user’s browser that logged in before still gets in', async () => {
    server = await startTestServer({ loginThrottle: THROTTLE })
    const admin = await createAdmin(server, 'aigerim')
    const omar = await createUser(server.url, admin, 'omar')
    // The real user's browser logged in before; so did omar's.
    const known = await postLogin(server.url, 'aigerim', TEST_PASSWORD)
    const device = deviceCookieOf(known)
    const omarDevice = deviceCookieOf(
      await postLogin(server.url, omar.user.username, TEST_PASSWORD),
    )

    for (let i = 0; i < 4; i++) {
      expect((await postLogin(server.url, 'aigerim', `guess ${i}`)).status).toBe(401)
    }
    const limited = await postLogin(server.url, 'Aigerim', TEST_PASSWORD)
    expect(limited.status).toBe(429)
    expect(await errorCode(limited)).toBe('auth.rate_limited')
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(THROTTLE.perAccountAndAddress.firstDelayMs / 1000)

    // Forged, malformed and another user's device tokens open nothing.
    for (const cookie of [
      `qalam_device=${'A'.repeat(43)}`,
      'qalam_device=not a token',
      device.slice(0, -1),
      omarDevice,
    ]) {
      const attempt = await postLogin(server.url, 'aigerim', TEST_PASSWORD, cookie)
      expect(attempt.status, cookie).toBe(429)
    }

    const real = await postLogin(server.url, 'aigerim', TEST_PASSWORD, device)
    expect(real.status).toBe(200)
    expect(real.headers.get('set-cookie')).toMatch(/^qalam_session=/)
    // The token is replaced at each login: the old one no longer counts as known.
    const renewed = deviceCookieOf(real)
    expect(renewed).not.toBe(device)
    expect((await postLogin(server.url, 'aigerim', TEST_PASSWORD, device)).status).toBe(429)
    // The guesser behind the same address is still slowed after the real user got in.
    expect((await postLogin(server.url, 'aigerim', TEST_PASSWORD)).status).toBe(429)
    // Another account behind the same address is not slowed at all.
    expect((await postLogin(server.url, 'omar', TEST_PASSWORD)).status).toBe(200)
  })

  test('a known browser that keeps failing is slowed on its own', async () => {
    server = await startTestServer({ loginThrottle: THROTTLE })
    await createAdmin(server, 'aigerim')
    const device = deviceCookieOf(await postLogin(server.url, 'aigerim', TEST_PASSWORD))
    for (let i = 0; i < THROTTLE.perDevice.freeFailures + 1; i++) {
      expect((await postLogin(server.url, 'aigerim', `guess ${i}`, device)).status).toBe(401)
    }
    expect((await postLogin(server.url, 'aigerim', TEST_PASSWORD, device)).status).toBe(429)
    // Its failures were its own: the account and the address were not slowed by them.
    expect((await postLogin(server.url, 'aigerim', TEST_PASSWORD)).status).toBe(200)
  })

  test('remembers the browser in an HttpOnly, SameSite=Strict cookie for the login route alone, stored only hashed, kept at logout', async () => {
    server = await startTestServer()
    await createAdmin(server, 'aigerim')
    const response = await postLogin(server.url, 'aigerim', TEST_PASSWORD)
    const cookies = response.headers.getSetCookie()
    const device = cookies.find((cookie) => cookie.startsWith('qalam_device='))!
    expect(device).toMatch(/^qalam_device=[A-Za-z0-9_-]{43}; /)
    expect(device).toContain('HttpOnly')
    expect(device).toContain('SameSite=Strict')
    expect(device).toContain('Path=/api/session;')
    const token = /^qalam_device=([^;]+)/.exec(device)![1]!
    const db = new Database(server.databaseFile, { readonly: true })
    try {
      const rows = db.prepare('SELECT * FROM known_devices').all()
      expect(rows.length).toBeGreaterThanOrEqual(1)
      expect(JSON.stringify(rows)).not.toContain(token)
    } finally {
      db.close()
    }
    const session = cookies.find((cookie) => cookie.startsWith('qalam_session='))!.split(';')[0]!
    const out = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { ...CLIENT_HEADERS, cookie: session },
    })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().some((cookie) => cookie.startsWith('qalam_device='))).toBe(
      false,
    )
  })
})

describe('logging out', () => {
  test('ends the session on the server: its open socket closes, the old cookie opens neither the API nor a socket', async () => {
    server = await startTestServer()
    const workspace = await createWorkspace(server)
    const { id } = await workspace.importDocument({ bytes: 'Текст.' })
    const translator = await workspace.member('translator')
    const second = await login(server.url, translator.user.username)
    const headers = { cookie: translator.cookie }
    const open = connectClient(server.url, id, translator)
    const otherOpen = connectClient(server.url, id, second)
    await Promise.all([open.synced(), otherOpen.synced()])
    const closeCodes: number[] = []
    open.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code)
    })

    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/^qalam_session=; .*Max-Age=0/)
    // A socket the session had open is closed too; the user's other session keeps its own.
    await waitFor(() => expect(closeCodes).toEqual([4401]))
    expect(otherOpen.provider.wsconnected).toBe(true)
    open.destroy()
    otherOpen.destroy()

    const me = await fetch(`${server.url}/api/session`, { headers })
    expect(me.status).toBe(401)
    expect(await errorCode(me)).toBe('auth.required')
    const documents = await fetch(`${server.url}/api/documents`, { headers })
    expect(documents.status).toBe(401)
    const socket = openRawSocket(server.url, id, translator)
    expect((await socket.closed).code).toBe(4401)
    expect(socket.received).toEqual([])

    // Only that session ended: the same user's other login still works.
    const still = await fetch(`${server.url}/api/session`, { headers: { cookie: second.cookie } })
    expect(still.status).toBe(200)
  })
})

describe('first run', () => {
  test('the server says how to create the first administrator until one exists', async () => {
    dir = await makeTempDir('qalam-first-run-')
    process_ = await spawnServer({ DATA_DIR: dir.path })
    expect(process_.output()).toContain('npm run -s cli -- user add NAME --password P --admin')
    await process_.stop()

    process_ = await spawnServer({ DATA_DIR: dir.path })
    await createAdmin({ url: process_.url, databaseFile: databaseFile(dir.path) }, 'aigerim')
    await process_.stop()
    process_ = await spawnServer({ DATA_DIR: dir.path })
    expect(process_.output()).not.toContain('user add')
  })
})
