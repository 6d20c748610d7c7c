import type Database from 'better-sqlite3'
import {
  KNOWN_DEVICE_TTL_MS,
  MAX_DEVICES_PER_USER,
  hashDeviceToken,
  type KnownDevices,
} from '../knownDevices.ts'
import { newSessionToken } from '../sessionToken.ts'

const CREATE_KNOWN_DEVICES = `
CREATE TABLE IF NOT EXISTS known_devices (
  token_hash   TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  last_used_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS known_devices_by_user ON known_devices (user_id, last_used_at);
`

/** Creates the known devices' table (the SQLite migration's step 3; idempotent). */
export function createSqliteKnownDevicesSchema(db: Database.Database): void {
  db.exec(CREATE_KNOWN_DEVICES)
}

/** Known devices in the server's SQLite file, beside the users they belong to. */
export function createSqliteKnownDevices(db: Database.Database): KnownDevices {
  createSqliteKnownDevicesSchema(db)
  const selectOwner = db.prepare(
    'SELECT user_id FROM known_devices WHERE token_hash = ? AND last_used_at > ?',
  )
  const deleteOwned = db.prepare('DELETE FROM known_devices WHERE token_hash = ? AND user_id = ?')
  const insert = db.prepare(
    'INSERT INTO known_devices (token_hash, user_id, last_used_at) VALUES (?, ?, ?)',
  )
  // Expired rows of the user, and those past the per-user bound, oldest first.
  const prune = db.prepare(
    `DELETE FROM known_devices WHERE user_id = ? AND (last_used_at <= ? OR token_hash NOT IN (
       SELECT token_hash FROM known_devices WHERE user_id = ? ORDER BY last_used_at DESC LIMIT ?))`,
  )
  const renew = db.transaction((userId: string, previous: string | undefined, now: number) => {
    if (previous !== undefined) deleteOwned.run(hashDeviceToken(previous), userId)
    const token = newSessionToken()
    insert.run(hashDeviceToken(token), userId, now)
    prune.run(userId, now - KNOWN_DEVICE_TTL_MS, userId, MAX_DEVICES_PER_USER)
    return token
  })

  return {
    async ownerOf(token, now = Date.now()) {
      const row = selectOwner.get(hashDeviceToken(token), now - KNOWN_DEVICE_TTL_MS) as
        { user_id: string } | undefined
      return row?.user_id
    },
    async renew(userId, previous, now = Date.now()) {
      return renew(userId, previous, now)
    },
  }
}
