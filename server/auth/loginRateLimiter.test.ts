import { describe, expect, test } from 'vitest'
import { LoginRateLimiter } from './loginRateLimiter.ts'

function limiter() {
  let now = 1_000_000
  const rate = new LoginRateLimiter({
    perAccount: { limit: 3, windowMs: 60_000 },
    perAddress: { limit: 5, windowMs: 60_000 },
    now: () => now,
  })
  return { rate, advance: (ms: number) => (now += ms) }
}

describe('login rate limiting', () => {
  test('refuses an account after too many failures and says when to retry', () => {
    const { rate, advance } = limiter()
    for (let i = 0; i < 3; i++) {
      expect(rate.check('aigerim', `10.0.0.${i}`)).toEqual({ allowed: true })
      rate.recordFailure('aigerim', `10.0.0.${i}`)
      advance(10_000)
    }
    // Failures at t=0, 10 s, 20 s; now t=30 s: the first frees at 60 s.
    expect(rate.check('aigerim', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 30 })
    expect(rate.check('Aigerim', '10.0.0.9')).toMatchObject({ allowed: false })
    expect(rate.check('bolat', '10.0.0.9')).toEqual({ allowed: true })
  })

  test('slides the window: the account is allowed again once its oldest failure ages out', () => {
    const { rate, advance } = limiter()
    for (let i = 0; i < 3; i++) {
      rate.recordFailure('aigerim', '10.0.0.1')
      advance(10_000)
    }
    advance(29_999)
    expect(rate.check('aigerim', '10.0.0.2')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    advance(1)
    expect(rate.check('aigerim', '10.0.0.2')).toEqual({ allowed: true })
  })

  test('refuses an address that tries many accounts', () => {
    const { rate } = limiter()
    for (let i = 0; i < 5; i++) rate.recordFailure(`user${i}`, '192.0.2.7')
    expect(rate.check('someone-new', '192.0.2.7')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    })
    expect(rate.check('someone-new', '192.0.2.8')).toEqual({ allowed: true })
  })

  test('clears the account after a successful login but keeps counting the address', () => {
    const { rate } = limiter()
    rate.recordFailure('aigerim', '192.0.2.7')
    rate.recordFailure('aigerim', '192.0.2.7')
    rate.recordSuccess('aigerim')
    rate.recordFailure('aigerim', '192.0.2.7')
    rate.recordFailure('aigerim', '192.0.2.7')
    expect(rate.check('aigerim', '192.0.2.99')).toEqual({ allowed: true })
    rate.recordFailure('other', '192.0.2.7')
    expect(rate.check('third', '192.0.2.7')).toMatchObject({ allowed: false })
  })

  test('forgets the stalest keys beyond its memory bound', () => {
    let now = 0
    const rate = new LoginRateLimiter({
      perAccount: { limit: 1, windowMs: 60_000 },
      perAddress: { limit: 100, windowMs: 60_000 },
      now: () => now++,
      maxKeys: 2,
    })
    rate.recordFailure('a', 'x')
    rate.recordFailure('b', 'x')
    rate.recordFailure('c', 'x')
    expect(rate.check('a', 'y')).toEqual({ allowed: true })
    expect(rate.check('c', 'y')).toMatchObject({ allowed: false })
  })
})
