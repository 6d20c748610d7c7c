import { afterEach, describe, expect, test } from 'vitest'
import Database from 'better-sqlite3'
import { databaseFile } from '../../server/config.ts'
import { createAdmin, createUser, login, TEST_PASSWORD } from '../support/accounts.ts'
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

function postLogin(url: string, username: string, password: string) {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code
}

const WINDOW = 60_000

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

  test('answers 429 with Retry-After once one account had too many failures, even with the right password', async () => {
    server = await startTestServer({
      loginLimits: {
        perAccount: { limit: 3, windowMs: WINDOW },
        perAddress: { limit: 100, windowMs: WINDOW },
      },
    })
    const admin = await createAdmin(server, 'aigerim')
    await createUser(server.url, admin, 'omar')
    for (let i = 0; i < 3; i++) {
      expect((await postLogin(server.url, 'aigerim', `guess ${i}`)).status).toBe(401)
    }
    const limited = await postLogin(server.url, 'Aigerim', TEST_PASSWORD)
    expect(limited.status).toBe(429)
    expect(await errorCode(limited)).toBe('auth.rate_limited')
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(WINDOW / 1000)
    // Another account from the same address is not affected.
    expect((await postLogin(server.url, 'omar', TEST_PASSWORD)).status).toBe(200)
  })

  test('answers 429 with Retry-After once one address had too many failures, whatever the account', async () => {
    server = await startTestServer({
      loginLimits: {
        perAccount: { limit: 100, windowMs: WINDOW },
        perAddress: { limit: 4, windowMs: WINDOW },
      },
    })
    await createAdmin(server, 'aigerim')
    for (const name of ['a', 'b', 'c', 'd']) {
      expect((await postLogin(server.url, name, 'guess')).status).toBe(401)
    }
    const limited = await postLogin(server.url, 'aigerim', TEST_PASSWORD)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
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
