import { describe, expect, test } from 'vitest'
import { LoginThrottle, throttledAddress, type LoginAttempt } from './loginThrottle.ts'

const SECOND = 1000

function throttle(maxKeys?: number) {
  let now = 1_000_000
  const rate = new LoginThrottle({
    perAccountAndAddress: { freeFailures: 3, firstDelayMs: SECOND, maxDelayMs: 60 * SECOND },
    perAccount: { freeFailures: 6, firstDelayMs: SECOND, maxDelayMs: 60 * SECOND },
    perAddress: { freeFailures: 4, firstDelayMs: SECOND, maxDelayMs: 60 * SECOND },
    perDevice: { freeFailures: 2, firstDelayMs: SECOND, maxDelayMs: 60 * SECOND },
    forgetAfterMs: 3_600 * SECOND,
    now: () => now,
    ...(maxKeys === undefined ? {} : { maxKeys }),
  })
  return { rate, advance: (ms: number) => (now += ms) }
}

const attempt = (username: string, address = '192.0.2.7', device: string | null = null) =>
  ({ username, address, device }) satisfies LoginAttempt

/** Fails as often as allowed, waiting out each delay; returns the waits imposed, in seconds. */
function hammer(
  { rate, advance }: ReturnType<typeof throttle>,
  who: LoginAttempt,
  failures: number,
): number[] {
  const waits: number[] = []
  for (let i = 0; i < failures; i++) {
    const verdict = rate.check(who)
    if (!verdict.allowed) {
      waits.push(verdict.retryAfterSeconds)
      advance(verdict.retryAfterSeconds * SECOND)
    }
    expect(rate.check(who)).toEqual({ allowed: true })
    rate.recordFailure(who)
  }
  return waits
}

describe('login throttling', () => {
  test('lets a few failures through, then doubles the wait after each further one', () => {
    const clock = throttle()
    const waits = hammer(clock, attempt('aigerim'), 10)
    // Three free; then 1, 2, 4, 8 s (account and address) and, from the 7th failure on, the
    // account's own count adds its doubling too: the longer wait wins.
    expect(waits).toEqual([1, 2, 4, 8, 16, 32])
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: false, retryAfterSeconds: 60 })
  })

  test('caps the wait, and says in Retry-After seconds how long is left', () => {
    const clock = throttle()
    hammer(clock, attempt('aigerim'), 12)
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: false, retryAfterSeconds: 60 })
    clock.advance(59_500)
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    clock.advance(500)
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: true })
  })

  test('a successful login resets the account: the next failures are free again', () => {
    const clock = throttle()
    hammer(clock, attempt('aigerim'), 5)
    clock.advance(10 * SECOND)
    clock.rate.recordSuccess(attempt('aigerim'))
    expect(hammer(clock, attempt('aigerim'), 3)).toEqual([])
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: true })
    clock.rate.recordFailure(attempt('aigerim'))
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })

  test('one account hammered from an address does not slow another account behind it', () => {
    const clock = throttle()
    hammer(clock, attempt('aigerim'), 12)
    expect(clock.rate.check(attempt('aigerim'))).toMatchObject({ allowed: false })
    expect(clock.rate.check(attempt('bolat'))).toEqual({ allowed: true })
  })

  test('an account guessed from many addresses is slowed everywhere', () => {
    const { rate } = throttle()
    for (let i = 0; i < 7; i++) rate.recordFailure(attempt('aigerim', `198.51.100.${i}`))
    expect(rate.check(attempt('aigerim', '203.0.113.1'))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    })
    expect(rate.check(attempt('bolat', '203.0.113.1'))).toEqual({ allowed: true })
  })

  test('an address that fails on many accounts (spraying) is slowed for new accounts too', () => {
    const { rate } = throttle()
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) rate.recordFailure(attempt(name))
    // Six distinct accounts, four free: the second doubling.
    expect(rate.check(attempt('someone-new'))).toEqual({ allowed: false, retryAfterSeconds: 2 })
    expect(rate.check(attempt('someone-new', '192.0.2.8'))).toEqual({ allowed: true })
    // The same account failing again and again counts once for the address.
    const { rate: other } = throttle()
    for (let i = 0; i < 3; i++) other.recordFailure(attempt('a'))
    expect(other.check(attempt('b'))).toEqual({ allowed: true })
  })

  test('a known device of the account gets in while the account and the address are throttled', () => {
    const clock = throttle()
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) clock.rate.recordFailure(attempt(name))
    hammer(clock, attempt('aigerim'), 12)
    expect(clock.rate.check(attempt('aigerim'))).toMatchObject({ allowed: false })
    expect(clock.rate.check(attempt('aigerim', '192.0.2.7', 'device-1'))).toEqual({
      allowed: true,
    })
  })

  test('a known device that keeps failing is throttled on its own, without touching the account', () => {
    const clock = throttle()
    const device = attempt('aigerim', '192.0.2.7', 'device-1')
    expect(hammer(clock, device, 5)).toEqual([1, 2])
    expect(clock.rate.check(device)).toEqual({ allowed: false, retryAfterSeconds: 4 })
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: true })
    expect(clock.rate.check(attempt('aigerim', '192.0.2.7', 'device-2'))).toEqual({
      allowed: true,
    })
    clock.advance(4 * SECOND)
    clock.rate.recordSuccess(device)
    expect(clock.rate.check(device)).toEqual({ allowed: true })
  })

  test('the real user logging in does not let off a guesser at another address', () => {
    const clock = throttle()
    hammer(clock, attempt('aigerim', '203.0.113.9'), 5)
    clock.rate.recordSuccess(attempt('aigerim', '192.0.2.7', 'device-1'))
    expect(clock.rate.check(attempt('aigerim', '203.0.113.9'))).toMatchObject({ allowed: false })
    // Not even one behind the same address: the device's login was not the address's.
    hammer(clock, attempt('aigerim'), 5)
    clock.rate.recordSuccess(attempt('aigerim', '192.0.2.7', 'device-1'))
    expect(clock.rate.check(attempt('aigerim'))).toMatchObject({ allowed: false })
  })

  test('forgets counters after a quiet period and beyond its memory bound', () => {
    const clock = throttle(4)
    hammer(clock, attempt('aigerim'), 5)
    clock.advance(3_600 * SECOND)
    expect(clock.rate.check(attempt('aigerim'))).toEqual({ allowed: true })
    const bounded = throttle(4)
    for (let i = 0; i < 1_000; i++) bounded.rate.recordFailure(attempt(`user${i}`, `10.0.${i}.1`))
    expect(bounded.rate.size).toBeLessThanOrEqual(4 * 4)
  })

  test('counts IPv6 addresses by their /64 and IPv4-mapped ones as IPv4', () => {
    expect(throttledAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(throttledAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64')
    expect(throttledAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(throttledAddress('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(throttledAddress('192.0.2.7')).toBe('192.0.2.7')
  })
})
