import { describe, expect, test } from 'vitest'
import { loginRequest, memberRequest, projectRequest, userRequest } from './schemas.ts'

describe('request schemas', () => {
  test.each([
    ['loginRequest', loginRequest, 'accepts', { username: 'aigerim', password: 'x' }],
    ['loginRequest', loginRequest, 'refuses', { username: '', password: 'x' }],
    ['loginRequest', loginRequest, 'refuses', { username: 'aigerim', password: 'x'.repeat(257) }],
    ['loginRequest', loginRequest, 'refuses', { username: 'aigerim' }],
    ['projectRequest', projectRequest, 'accepts', { name: '  Абай жолы  ' }],
    ['projectRequest', projectRequest, 'refuses', { name: '   ' }],
    ['projectRequest', projectRequest, 'refuses', {}],
    ['memberRequest', memberRequest, 'accepts', { username: 'bolat', role: 'reviewer' }],
    ['memberRequest', memberRequest, 'refuses', { username: 'bolat', role: 'admin' }],
    ['memberRequest', memberRequest, 'refuses', { username: 'bolat', role: 'owner' }],
    ['userRequest', userRequest, 'accepts', { username: 'Әйгерім', password: 'ұзын құпия сөз' }],
    ['userRequest', userRequest, 'accepts', { username: 'ali.ahmad_2', password: 'long enough' }],
    ['userRequest', userRequest, 'refuses', { username: 'with space', password: 'long enough' }],
    ['userRequest', userRequest, 'refuses', { username: '-dash-first', password: 'long enough' }],
    ['userRequest', userRequest, 'refuses', { username: 'aigerim', password: 'short' }],
    ['userRequest', userRequest, 'refuses', { username: 'aigerim', password: 'aaaaaaaaaaaa' }],
  ] as const)('%s %s %j', (_name, schema, verdict, body) => {
    expect(schema.safeParse(body).success).toBe(verdict === 'accepts')
  })

  test('trims a project name and defaults a new user to non-admin', () => {
    expect(projectRequest.parse({ name: ' Абай ' })).toEqual({ name: 'Абай' })
    expect(userRequest.parse({ username: 'abai', password: 'long enough' })).toEqual({
      username: 'abai',
      password: 'long enough',
      isAdmin: false,
    })
  })
})
