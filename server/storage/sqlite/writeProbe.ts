import Database from 'better-sqlite3'

export interface WriteProbe {
  /** Resolves once one small write has been committed; rejects with SQLite's error otherwise. */
  probe(): Promise<void>
  close(): void
}

/** How long the probe waits for a lock someone else holds before calling the store unwritable. */
const BUSY_TIMEOUT_MS = 1000

/**
 * A write that proves the database file takes writes right now: not read-only, not full, not
 * locked by another process. Its own handle, so that a probe waiting for a lock never holds up
 * the store's handle, and one row rewritten each time, so that probing costs no space.
 */
export function openWriteProbe(file: string): WriteProbe {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  let write: Database.Statement | null = null
  return {
    probe() {
      try {
        if (!write) {
          db.exec(
            'CREATE TABLE IF NOT EXISTS readiness_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL)',
          )
          write = db.prepare(
            'INSERT INTO readiness_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
          )
        }
        write.run(Date.now())
        return Promise.resolve()
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
    },
    close: () => db.close(),
  }
}
