import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { AuthStore } from './AuthStore.ts'
import {
  SESSION_COOKIE,
  clearedSessionCookie,
  isAllowedOrigin,
  readSessionToken,
  sessionCookie,
  sessionFromCookie,
} from './sessionCookie.ts'
import { createSqliteAuthStore } from './sqlite/SqliteAuthStore.ts'

describe('session cookie', () => {
  test('is HttpOnly, SameSite=Lax, site-wide, and Secure only over HTTPS', () => {
    const cookie = sessionCookie('abc_DEF-123', Date.now() + 60_000, { secure: false })
    expect(cookie).toMatch(
      /^qalam_session=abc_DEF-123; Path=\/; HttpOnly; SameSite=Lax; Max-Age=(59|60)$/,
    )
    expect(sessionCookie('t', Date.now() + 1000, { secure: true })).toMatch(/; Secure$/)
    expect(clearedSessionCookie({ secure: false })).toBe(
      'qalam_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    )
  })

  test.each([
    [undefined, undefined],
    ['', undefined],
    [`${SESSION_COOKIE}=tok_en-1`, 'tok_en-1'],
    [`theme=dark; ${SESSION_COOKIE}=tok; lang=kk`, 'tok'],
    [`x${SESSION_COOKIE}=tok`, undefined],
    [`${SESSION_COOKIE}=bad value`, undefined],
    [`${SESSION_COOKIE}=a%3Bb`, undefined],
  ])('reads the token from %j as %j', (header, token) => {
    expect(readSessionToken(header)).toBe(token)
  })
})

describe('session from a Cookie header', () => {
  let dir: string
  let db: Database.Database
  let store: AuthStore

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qalam-cookie-'))
    db = new Database(join(dir, 'qalam.sqlite'))
    store = createSqliteAuthStore(db)
  })

  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('finds the user behind a cookie the login set, and nobody after logout', async () => {
    const user = await store.createUser({ username: 'aigerim', passwordHash: 'h', isAdmin: false })
    const { token, expiresAt } = await store.createSession(user.id, 60_000)
    const header = sessionCookie(token, expiresAt, { secure: false }).split(';')[0]
    expect((await sessionFromCookie(store, header))?.user).toEqual(user)
    await store.deleteSession(token)
    expect(await sessionFromCookie(store, header)).toBeUndefined()
    expect(await sessionFromCookie(store, undefined)).toBeUndefined()
  })
})

describe('WebSocket origin check', () => {
  const allowed = ['https://qalam.library.kz', 'http://localhost:5173']
  test.each([
    ['https://qalam.library.kz', true],
    ['https://qalam.library.kz:443', true],
    ['http://localhost:5173', true],
    ['https://evil.example', false],
    ['http://qalam.library.kz', false],
    ['https://qalam.library.kz.evil.example', false],
    ['null', false],
    [undefined, true],
  ])('treats Origin %j as allowed: %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, allowed)).toBe(expected)
  })
})
