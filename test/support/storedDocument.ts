import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import * as Y from 'yjs'

/**
 * A hash of every row of every table, read with a separate connection: any stored change,
 * however small, shows up here. Rows, not file bytes: the server checkpoints its WAL into the
 * database file on a timer, which moves bytes without changing what is stored.
 */
export function storedContent(databaseFile: string): string {
  if (!existsSync(databaseFile)) return 'none'
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const hash = createHash('sha256')
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[]
    for (const table of tables) {
      hash.update(`\0${table}\0`)
      for (const row of db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .iterate()) {
        for (const value of row as unknown[]) {
          hash.update(Buffer.isBuffer(value) ? value : `${typeof value}:${String(value)}`)
          hash.update('\0')
        }
      }
    }
    return hash.digest('hex')
  } finally {
    db.close()
  }
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

/** How many documents have an export view kept (see `DocumentStore.saveExportView`). */
export function keptExportViews(databaseFile: string): number {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT COUNT(*) FROM export_views').pluck().get() as number
  } finally {
    db.close()
  }
}

/** Forgets every kept export view, as a server that died before unloading never wrote them. */
export function dropKeptExportViews(databaseFile: string): void {
  const db = new Database(databaseFile, { fileMustExist: true })
  try {
    db.prepare('DELETE FROM export_views').run()
  } finally {
    db.close()
  }
}

/**
 * The export view kept for `documentId` as JSON, when it holds everything stored (nothing
 * appended after it, no snapshot past it); null otherwise. Read apart from the store's own
 * query, as a check of it.
 */
export function currentExportView(databaseFile: string, documentId: string): unknown {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const kept = db
      .prepare('SELECT seq, data FROM export_views WHERE document_id = ?')
      .get(documentId) as { seq: number; data: Buffer } | undefined
    const snapshot = db
      .prepare('SELECT seq FROM snapshots WHERE document_id = ?')
      .pluck()
      .get(documentId) as number
    const last = db
      .prepare('SELECT MAX(seq) FROM updates WHERE document_id = ?')
      .pluck()
      .get(documentId) as number | null
    if (!kept || kept.seq !== Math.max(snapshot, last ?? 0)) return null
    return JSON.parse(kept.data.toString('utf8')) as unknown
  } finally {
    db.close()
  }
}
