import { describe, expect, test } from 'vitest'
import { USER_COLORS, loadUser, saveUserName } from './identity.ts'

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
  test('a first visit has no user; the chosen name gets a stable id and a palette colour', () => {
    const storage = memoryStorage()
    expect(loadUser(storage)).toBeNull()
    const user = saveUserName('  Aigerim ', storage)
    expect(user.name).toBe('Aigerim')
    expect(user.id).toMatch(/^[0-9a-f]{32}$/)
    expect(USER_COLORS).toContain(user.color)
    expect(loadUser(storage)).toEqual(user)
  })

  test('renaming keeps the id and colour', () => {
    const storage = memoryStorage()
    const first = saveUserName('Omar', storage)
    const renamed = saveUserName('Omar K.', storage)
    expect(renamed).toEqual({ ...first, name: 'Omar K.' })
  })

  test('an unreadable stored user counts as a first visit', () => {
    const storage = memoryStorage()
    storage.setItem('qalam.user', '{not json')
    expect(loadUser(storage)).toBeNull()
    storage.setItem('qalam.user', JSON.stringify({ id: 'x', name: '', color: 'red' }))
    expect(loadUser(storage)).toBeNull()
  })
})
