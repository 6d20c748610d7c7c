import { describe, expect, test } from 'vitest'
import { USER_COLORS, identityFor } from './identity.ts'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('identity', () => {
  test('an account is shown by its user name with a palette colour', () => {
    const user = identityFor({ id: 'u-1', username: 'aigerim' }, memoryStorage())
    expect(user).toMatchObject({ id: 'u-1', name: 'aigerim' })
    expect(USER_COLORS).toContain(user.color)
  })

  test('the same account keeps its colour in this browser across visits', () => {
    const storage = memoryStorage()
    const first = identityFor({ id: 'u-1', username: 'aigerim' }, storage)
    for (let visit = 0; visit < 20; visit++)
      expect(identityFor({ id: 'u-1', username: 'aigerim' }, storage).color).toBe(first.color)
  })

  test('an unreadable stored identity is replaced, not fatal', () => {
    const storage = memoryStorage()
    storage.setItem('qalam.user', '{not json')
    const user = identityFor({ id: 'u-2', username: 'omar' }, storage)
    expect(USER_COLORS).toContain(user.color)
    expect(JSON.parse(storage.getItem('qalam.user')!)).toEqual(user)
  })
})
