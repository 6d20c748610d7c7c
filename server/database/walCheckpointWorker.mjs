// The SQLite file's WAL checkpoints, on a thread and a connection of their own (plain
// JavaScript: nothing compiles TypeScript for a new thread). A checkpoint copies the WAL into
// the database file and syncs it, 5–56 ms; run by whichever connection's commit crosses the
// threshold, it used to land inside a document update. PASSIVE never waits for, nor blocks,
// the writers.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.file, { fileMustExist: true })
// A commit never checkpoints from this connection either: it only checkpoints.
db.pragma('wal_autocheckpoint = 0')
function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    // Busy or locked: the next tick tries again; the writers' own threshold is the backstop.
    parentPort?.postMessage({ failed: String(error) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort?.on('message', (message) => {
  if (message !== 'close') return
  clearInterval(timer)
  // Ended when the writes stop, maybe before its first tick: what they wrote is folded in.
  checkpoint()
  db.close()
  parentPort?.close()
})
