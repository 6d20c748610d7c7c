import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import * as Y from 'yjs'

/** Hashes of the database file and its WAL: any stored change, however small, shows up here. */
export function storedBytes(databaseFile: string): string[] {
  return [databaseFile, `${databaseFile}-wal`].map((file) =>
    existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'none',
  )
}

/**
 * Reads a document straight from a server's SQLite file with a separate connection: what a
 * restarted server would load, independent of the running server's memory.
 */
export function readStoredDocument(databaseFile: string, documentId: string): Y.Doc {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const snapshot = db
      .prepare('SELECT seq, data FROM snapshots WHERE document_id = ?')
      .get(documentId) as { seq: number; data: Buffer }
    const updates = db
      .prepare('SELECT data FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq')
      .all(documentId, snapshot.seq) as Array<{ data: Buffer }>
    const doc = new Y.Doc()
    Y.applyUpdate(doc, snapshot.data)
    for (const row of updates) Y.applyUpdate(doc, row.data)
    return doc
  } finally {
    db.close()
  }
}

/** Number of updates in a document's log (not yet folded into its snapshot). */
export function countLoggedUpdates(databaseFile: string, documentId: string): number {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const row = db
      .prepare('SELECT count(*) AS n FROM updates WHERE document_id = ?')
      .get(documentId) as { n: number }
    return row.n
  } finally {
    db.close()
  }
}

/** The progress JSON the server last saved for a document. */
export function readStoredProgress(databaseFile: string, documentId: string): unknown {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare('SELECT progress FROM documents WHERE id = ?').get(documentId) as {
      progress: string
    }
    return JSON.parse(row.progress)
  } finally {
    db.close()
  }
}
