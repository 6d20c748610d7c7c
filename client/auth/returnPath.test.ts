import { describe, expect, test } from 'vitest'
import { loginPath, returnPathFrom } from './returnPath.ts'

describe('return path after login', () => {
  test('goes back to the page that needed the session', () => {
    const path = loginPath({ pathname: '/documents/d-1', search: '?x=1', hash: '' })
    expect(path).toBe('/login?next=%2Fdocuments%2Fd-1%3Fx%3D1')
    expect(returnPathFrom(path.slice('/login'.length))).toBe('/documents/d-1?x=1')
  })

  test('never leaves the app: other origins and the login page itself lead home', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'x',
      '/login',
    ])
      expect(returnPathFrom(`?next=${encodeURIComponent(next)}`)).toBe('/')
    expect(returnPathFrom('')).toBe('/')
  })
})
