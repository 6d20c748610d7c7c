import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { AuthStore } from './AuthStore.ts'
import { authenticate } from './authenticate.ts'
import { hashPassword, needsRehash } from './password.ts'
import { createSqliteAuthStore } from './sqlite/SqliteAuthStore.ts'

let dir: string
let db: Database.Database
let store: AuthStore

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qalam-authenticate-'))
  db = new Database(join(dir, 'qalam.sqlite'))
  store = createSqliteAuthStore(db)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('authenticate', () => {
  test('returns the user for the right password, without the hash', async () => {
    const created = await store.createUser({
      username: 'aigerim',
      passwordHash: await hashPassword('тіл-мәдениет'),
      isAdmin: false,
    })
    const user = await authenticate(store, 'Aigerim', 'тіл-мәдениет')
    expect(user).toEqual(created)
    expect(user).not.toHaveProperty('passwordHash')
  })

  test('returns nothing for a wrong password or an unknown user', async () => {
    await store.createUser({
      username: 'aigerim',
      passwordHash: await hashPassword('right one'),
      isAdmin: false,
    })
    expect(await authenticate(store, 'aigerim', 'wrong one')).toBeUndefined()
    expect(await authenticate(store, 'nobody', 'right one')).toBeUndefined()
  })

  test('upgrades a hash made with weaker parameters at the next login', async () => {
    const weak = await hashPassword('right one', { N: 1024, r: 8, p: 1 })
    await store.createUser({ username: 'aigerim', passwordHash: weak, isAdmin: false })
    expect(await authenticate(store, 'aigerim', 'right one')).toBeDefined()
    const upgraded = (await store.findUserByName('aigerim'))!.passwordHash
    expect(upgraded).not.toBe(weak)
    expect(needsRehash(upgraded)).toBe(false)
    expect(await authenticate(store, 'aigerim', 'right one')).toBeDefined()
  })

  test('takes the installation’s cost: upgrades to it, and keeps a hash already as strong', async () => {
    const cheap = { N: 1024, r: 8, p: 1 }
    const strong = await hashPassword('right one', { N: 2048, r: 8, p: 1 })
    await store.createUser({ username: 'aigerim', passwordHash: strong, isAdmin: false })
    expect(await authenticate(store, 'aigerim', 'right one', cheap)).toBeDefined()
    expect((await store.findUserByName('aigerim'))!.passwordHash).toBe(strong)
    expect(await authenticate(store, 'aigerim', 'right one', { N: 4096, r: 8, p: 1 })).toBeDefined()
    expect((await store.findUserByName('aigerim'))!.passwordHash).toMatch(/^scrypt\$4096\$8\$1\$/)
    expect(await authenticate(store, 'nobody', 'right one', cheap)).toBeUndefined()
  })
})
