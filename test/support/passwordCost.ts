import type { ScryptCost } from '../../server/auth/index.ts'

/*
 * Servers started by tests hash passwords with scrypt at 2^10 rather than 2^15: the suite creates
 * and logs in a thousand accounts, and at the production cost that alone is minutes of the two
 * cores. The hashing itself is tested at several costs in server/auth.
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 }

/** The same for a server process, as its environment says it. */
export const TEST_PASSWORD_ENV = { PASSWORD_SCRYPT_N: String(TEST_PASSWORD_COST.N) }
