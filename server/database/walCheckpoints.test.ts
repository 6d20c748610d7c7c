import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { waitFor } from '../../test/support/waitFor.ts'
import { createJsonLogger } from '../logging/index.ts'
import { startWalCheckpoints, type WalCheckpoints } from './walCheckpoints.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'qalam-wal-'))
  const file = join(dir, 'test.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // Only the thread under test checkpoints.
  db.pragma('wal_autocheckpoint = 0')
  db.exec('CREATE TABLE t (x TEXT)')
  db.pragma('wal_checkpoint(TRUNCATE)')
  cleanups.push(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { db, file }
}

function started(file: string): WalCheckpoints {
  const lines: string[] = []
  const checkpoints = startWalCheckpoints(file, {
    intervalMs: 20,
    idleAfterMs: 300,
    log: createJsonLogger((line) => lines.push(line)),
  })
  cleanups.push(() => {
    checkpoints.close()
    expect(lines).toEqual([])
  })
  return checkpoints
}

test('starts its thread on the first write, checkpoints, and ends it once writes stop', async () => {
  const { db, file } = walDatabase()
  const checkpoints = started(file)
  // A few looks at an unchanged WAL start nothing.
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(checkpoints.isRunning()).toBe(false)

  db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000))
  await waitFor(() => expect(checkpoints.isRunning()).toBe(true))
  // The rows reached the database file: the thread checkpointed.
  await waitFor(() => expect(statSync(file).size).toBeGreaterThan(100_000))
  await waitFor(() => expect(checkpoints.isRunning()).toBe(false))

  db.prepare('INSERT INTO t VALUES (?)').run('again')
  await waitFor(() => expect(checkpoints.isRunning()).toBe(true))
})
