import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/*
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64): the cost
 * parameters travel with each hash, so raising them later only needs `needsRehash` at the
 * next successful login, not a migration.
 */

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** OWASP's minimum for scrypt (2^17 is their first choice; 2^15 keeps a login near 50 ms). */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }

const KEY_BYTES = 32
const SALT_BYTES = 16
const PREFIX = 'scrypt'

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly 2^15·8·128, too tight.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** A fresh salted hash of `password`, with its parameters. */
export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, cost)
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

interface ParsedHash {
  cost: ScryptCost
  salt: Buffer
  key: Buffer
}

function parseHash(stored: string): ParsedHash | undefined {
  const [prefix, n, r, p, salt, key, ...rest] = stored.split('$')
  if (prefix !== PREFIX || rest.length > 0 || !salt || !key) return undefined
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (!Object.values(cost).every((value) => Number.isSafeInteger(value) && value > 0))
    return undefined
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

/** Whether `password` matches `stored`; compares in constant time. False for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed || parsed.key.length !== KEY_BYTES) return false
  const key = await derive(password, parsed.salt, parsed.cost)
  return timingSafeEqual(key, parsed.key)
}

/** True when `stored` was made with weaker parameters than `cost`: hash again after login. */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return true
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
}
