import { describe, expect, test } from 'vitest'
import { hashPassword, needsRehash, verifyPassword } from './password.ts'

const cheap = { N: 2 ** 10, r: 8, p: 1 }

describe('password hashing', () => {
  test('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('кітапхана-2026')
    expect(await verifyPassword('кітапхана-2026', stored)).toBe(true)
    expect(await verifyPassword('кітапхана-2025', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  test('salts each hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same', cheap), hashPassword('same', cheap)])
    expect(a).not.toBe(b)
    expect(await verifyPassword('same', a)).toBe(true)
    expect(await verifyPassword('same', b)).toBe(true)
  })

  test('stores the cost parameters with the hash and verifies hashes made with other costs', async () => {
    const stored = await hashPassword('секрет', cheap)
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true)
    expect(await verifyPassword('секрет', stored)).toBe(true)
  })

  test('asks for a rehash only when the stored parameters are weaker than the current ones', async () => {
    const weak = await hashPassword('x', cheap)
    expect(needsRehash(weak)).toBe(true)
    expect(needsRehash(weak, cheap)).toBe(false)
    expect(needsRehash(await hashPassword('x'))).toBe(false)
  })

  test('treats the NFC and NFD spellings of a password as the same password', async () => {
    const stored = await hashPassword('Қазақ'.normalize('NFD'), cheap)
    expect(await verifyPassword('Қазақ'.normalize('NFC'), stored)).toBe(true)
  })

  test.each(['', 'plain', 'scrypt$0$8$1$AAAA$BBBB', 'bcrypt$10$abc', 'scrypt$1024$8$1$AAAA'])(
    'refuses any password against a malformed hash %j',
    async (stored) => {
      expect(await verifyPassword('x', stored)).toBe(false)
    },
  )
})
