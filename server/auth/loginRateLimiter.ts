/*
 * Failed logins per account and per address in a sliding window. An account limit stops
 * guessing one password from many addresses; an address limit stops one address trying many
 * accounts. In memory: a restart forgets, which only gives an attacker one fresh window.
 */

export interface RateLimit {
  /** Failures allowed inside the window; the next attempt is refused. */
  limit: number
  windowMs: number
}

export interface LoginRateLimiterOptions {
  perAccount: RateLimit
  perAddress: RateLimit
  now?: () => number
  /** Keys remembered at most; the least recently failed are forgotten first. */
  maxKeys?: number
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export const DEFAULT_LOGIN_LIMITS: LoginRateLimiterOptions = {
  perAccount: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 20, windowMs: 15 * 60_000 },
}

class SlidingWindow {
  // Map iteration order is insertion order; re-inserting on each failure keeps the stalest first.
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly rule: RateLimit,
    private readonly maxKeys: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((at) => at > now - this.rule.windowMs)
    if (times.length === 0) this.failures.delete(key)
    return times
  }

  /** Seconds until an attempt is allowed again, or 0. */
  retryAfter(key: string, now: number): number {
    const times = this.recent(key, now)
    if (times.length < this.rule.limit) return 0
    const freesAt = times[times.length - this.rule.limit]! + this.rule.windowMs
    return Math.max(1, Math.ceil((freesAt - now) / 1000))
  }

  record(key: string, now: number): void {
    const times = this.recent(key, now)
    times.push(now)
    // Only the newest `limit` failures decide anything.
    if (times.length > this.rule.limit) times.splice(0, times.length - this.rule.limit)
    this.failures.delete(key)
    this.failures.set(key, times)
    while (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next().value
      if (stalest === undefined) break
      this.failures.delete(stalest)
    }
  }

  clear(key: string): void {
    this.failures.delete(key)
  }
}

export class LoginRateLimiter {
  private readonly accounts: SlidingWindow
  private readonly addresses: SlidingWindow
  private readonly now: () => number

  constructor(options: LoginRateLimiterOptions = DEFAULT_LOGIN_LIMITS) {
    const maxKeys = options.maxKeys ?? 100_000
    this.accounts = new SlidingWindow(options.perAccount, maxKeys)
    this.addresses = new SlidingWindow(options.perAddress, maxKeys)
    this.now = options.now ?? Date.now
  }

  /** Call before checking the password; refuse with 429 and Retry-After when not allowed. */
  check(username: string, address: string): LoginVerdict {
    const now = this.now()
    const wait = Math.max(
      this.accounts.retryAfter(accountKey(username), now),
      this.addresses.retryAfter(address, now),
    )
    return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait }
  }

  recordFailure(username: string, address: string): void {
    const now = this.now()
    this.accounts.record(accountKey(username), now)
    this.addresses.record(address, now)
  }

  /** A correct password clears the account's failures; the address keeps its count. */
  recordSuccess(username: string): void {
    this.accounts.clear(accountKey(username))
  }
}

// Usernames compare case-insensitively in the store, so "Aigerim" and "aigerim" share a limit.
function accountKey(username: string): string {
  return username.normalize('NFC').toLowerCase()
}
