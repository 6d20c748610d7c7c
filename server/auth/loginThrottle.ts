/*
 * Login throttling in the manner of the OWASP Authentication Cheat Sheet: failures slow the
 * attempts that follow them, exponentially, instead of locking anyone out. Four counters:
 *
 * - one account from one address: a guesser, or someone mistyping;
 * - one account from anywhere: guessing spread over many addresses;
 * - distinct accounts failing from one address: password spraying. Distinct accounts, not
 *   failures: behind a proxy every user shares the address, and one account being hammered
 *   must not slow everyone else down;
 * - one known device (a browser that has logged in as the account before, by its cookie):
 *   it is judged by its own counter alone, so the real user gets in with the right password
 *   while the account and the address are throttled by someone else. A stolen device cookie
 *   is throttled like any guesser.
 *
 * A throttled attempt is answered at once with 429 and Retry-After, before the password is
 * checked: nothing waits on the server (no timer, no queue), and scrypt is not run for it.
 *
 * The counters live in memory, bounded (least recently failed forgotten first, and any
 * counter untouched for `forgetAfterMs`): writing each failure to the database would let an
 * anonymous caller make the store work, and a restart only forgets slowness already served.
 * With several server processes (issue 11) each would count on its own.
 */

export interface BackOff {
  /** Failures that cost nothing; the first one past them waits `firstDelayMs`, each further one twice as long. */
  freeFailures: number
  firstDelayMs: number
  maxDelayMs: number
}

export interface LoginThrottleOptions {
  perAccountAndAddress: BackOff
  perAccount: BackOff
  /** Counts distinct accounts that failed from one address. */
  perAddress: BackOff
  perDevice: BackOff
  /** A counter with no failure for this long is forgotten. */
  forgetAfterMs: number
  /** Counters remembered at most per kind; the least recently failed are forgotten first. */
  maxKeys?: number
  now?: () => number
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  perAccountAndAddress: { freeFailures: 3, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  perAccount: { freeFailures: 10, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  perAddress: { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  perDevice: { freeFailures: 5, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  forgetAfterMs: 24 * 60 * 60_000,
}

/** One login attempt: who it is for, where it comes from, and the known device it carries. */
export interface LoginAttempt {
  username: string
  address: string
  /** A stable key of a known device of this account (its token's hash), or null. */
  device: string | null
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

interface Counter {
  failures: number
  lastFailureAt: number
  /** For a counter of distinct accounts: the accounts counted. */
  accounts?: Set<string>
}

/** Failure counters of one kind, with the exponential wait they impose. */
class BackOffCounters {
  // Map iteration order is insertion order; re-inserting on each failure keeps the stalest first.
  private readonly counters = new Map<string, Counter>()

  constructor(
    private readonly rule: BackOff,
    private readonly forgetAfterMs: number,
    private readonly maxKeys: number,
  ) {}

  private live(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key)
    if (counter && now - counter.lastFailureAt >= this.forgetAfterMs) {
      this.counters.delete(key)
      return undefined
    }
    return counter
  }

  /** Milliseconds until the next attempt is allowed, or 0. */
  waitMs(key: string, now: number): number {
    const counter = this.live(key, now)
    if (!counter) return 0
    const over = counter.failures - this.rule.freeFailures
    if (over <= 0) return 0
    // 2 ** 40 is already past any sensible maximum; the exponent stays small.
    const delay = Math.min(
      this.rule.maxDelayMs,
      this.rule.firstDelayMs * 2 ** Math.min(over - 1, 40),
    )
    return Math.max(0, counter.lastFailureAt + delay - now)
  }

  /** Counts a failure; with `account`, counts it only when that account has not failed here yet. */
  record(key: string, now: number, account?: string): void {
    const counter = this.live(key, now) ?? { failures: 0, lastFailureAt: now }
    if (account === undefined) counter.failures++
    else {
      counter.accounts ??= new Set()
      // Past the point where the wait is at its maximum, more names change nothing.
      if (!counter.accounts.has(account) && counter.accounts.size < this.distinctCap()) {
        counter.accounts.add(account)
        counter.failures = counter.accounts.size
      }
    }
    counter.lastFailureAt = now
    this.counters.delete(key)
    this.counters.set(key, counter)
    this.forgetStalest(now)
  }

  /** Forgets `account` from a counter of distinct accounts (it logged in: not sprayed). */
  forgetAccount(key: string, account: string): void {
    const counter = this.counters.get(key)
    if (!counter?.accounts?.delete(account)) return
    counter.failures = counter.accounts.size
    if (counter.failures === 0) this.counters.delete(key)
  }

  clear(key: string): void {
    this.counters.delete(key)
  }

  get size(): number {
    return this.counters.size
  }

  private distinctCap(): number {
    const doublingsToMax = Math.ceil(Math.log2(this.rule.maxDelayMs / this.rule.firstDelayMs))
    return this.rule.freeFailures + Math.max(1, doublingsToMax) + 1
  }

  private forgetStalest(now: number): void {
    for (const [key, counter] of this.counters) {
      const isStale = now - counter.lastFailureAt >= this.forgetAfterMs
      if (!isStale && this.counters.size <= this.maxKeys) break
      this.counters.delete(key)
    }
  }
}

export class LoginThrottle {
  private readonly pairs: BackOffCounters
  private readonly accounts: BackOffCounters
  private readonly addresses: BackOffCounters
  private readonly devices: BackOffCounters
  private readonly now: () => number

  constructor(options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
    const maxKeys = options.maxKeys ?? 50_000
    const counters = (rule: BackOff) => new BackOffCounters(rule, options.forgetAfterMs, maxKeys)
    this.pairs = counters(options.perAccountAndAddress)
    this.accounts = counters(options.perAccount)
    this.addresses = counters(options.perAddress)
    this.devices = counters(options.perDevice)
    this.now = options.now ?? Date.now
  }

  /** Call before checking the password; refuse with 429 and Retry-After when not allowed. */
  check(attempt: LoginAttempt): LoginVerdict {
    const now = this.now()
    const keys = keysOf(attempt)
    const waitMs =
      attempt.device !== null
        ? this.devices.waitMs(attempt.device, now)
        : Math.max(
            this.pairs.waitMs(keys.pair, now),
            this.accounts.waitMs(keys.account, now),
            this.addresses.waitMs(keys.address, now),
          )
    return waitMs === 0
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
  }

  recordFailure(attempt: LoginAttempt): void {
    const now = this.now()
    if (attempt.device !== null) {
      // The device's owner mistyping, or a thief: either way only the device slows down.
      this.devices.record(attempt.device, now)
      return
    }
    const keys = keysOf(attempt)
    this.pairs.record(keys.pair, now)
    this.accounts.record(keys.account, now)
    this.addresses.record(keys.address, now, keys.account)
  }

  /**
   * The right password: the counters that judged the attempt start afresh, and so does the
   * account everywhere. A login through a known device was judged by the device alone, so the
   * count of its address for the account stays, as do other addresses' counts: a guesser is
   * not let off by the real user logging in, even from behind the same proxy.
   */
  recordSuccess(attempt: LoginAttempt): void {
    const keys = keysOf(attempt)
    this.accounts.clear(keys.account)
    if (attempt.device !== null) {
      this.devices.clear(attempt.device)
      return
    }
    this.pairs.clear(keys.pair)
    this.addresses.forgetAccount(keys.address, keys.account)
  }

  /** Counters held, for tests of the memory bound. */
  get size(): number {
    return this.pairs.size + this.accounts.size + this.addresses.size + this.devices.size
  }
}

function keysOf(attempt: LoginAttempt): { pair: string; account: string; address: string } {
  // Usernames compare case-insensitively in the store, so "Aigerim" and "aigerim" share a count.
  const account = attempt.username.normalize('NFC').toLowerCase()
  const address = throttledAddress(attempt.address)
  return { pair: `${address} ${account}`, account, address }
}

/**
 * The address a counter is kept for: IPv4 as is (an IPv4-mapped IPv6 address as its IPv4),
 * IPv6 by its /64 prefix, since one host is usually given a whole /64 and could otherwise
 * count afresh from each of its addresses.
 */
export function throttledAddress(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)
  if (mapped) return mapped[1]!
  if (!plain.includes(':')) return plain
  const [head = '', tail] = plain.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
