import type pg from 'pg'
import { inTransaction } from '../../postgres/index.ts'
import {
  KNOWN_DEVICE_TTL_MS,
  MAX_DEVICES_PER_USER,
  hashDeviceToken,
  type KnownDevices,
} from '../knownDevices.ts'
import { newSessionToken } from '../sessionToken.ts'

/** Known devices on PostgreSQL, beside the users they belong to; the caller owns the pool. */
export function createPostgresKnownDevices(pool: pg.Pool): KnownDevices {
  return {
    async ownerOf(token, now = Date.now()) {
      const { rows } = await pool.query<{ user_id: string }>(
        'SELECT user_id FROM known_devices WHERE token_hash = $1 AND last_used_at > $2',
        [hashDeviceToken(token), now - KNOWN_DEVICE_TTL_MS],
      )
      return rows[0]?.user_id
    },
    async renew(userId, previous, now = Date.now()) {
      return inTransaction(pool, async (client) => {
        if (previous !== undefined) {
          await client.query('DELETE FROM known_devices WHERE token_hash = $1 AND user_id = $2', [
            hashDeviceToken(previous),
            userId,
          ])
        }
        const token = newSessionToken()
        await client.query(
          'INSERT INTO known_devices (token_hash, user_id, last_used_at) VALUES ($1, $2, $3)',
          [hashDeviceToken(token), userId, now],
        )
        // Expired rows of the user, and those past the per-user bound, oldest first.
        await client.query(
          `DELETE FROM known_devices WHERE user_id = $1 AND (last_used_at <= $2 OR token_hash NOT IN (
             SELECT token_hash FROM known_devices WHERE user_id = $1
             ORDER BY last_used_at DESC LIMIT $3))`,
          [userId, now - KNOWN_DEVICE_TTL_MS, MAX_DEVICES_PER_USER],
        )
        return token
      })
    },
  }
}
