import Database from 'better-sqlite3'
import { SUMMARY_COLUMNS, toSummary, type DocumentRow } from '../documentRow.ts'
import type {
  DeletedDocument,
  DocumentStore,
  DocumentSummary,
  LoadedDocument,
  LogTail,
  OriginalFile,
} from '../DocumentStore.ts'
import { appendedList } from '../DocumentStore.ts'
import { CREATE_SCHEMA, MIGRATIONS, SCHEMA_VERSION } from './schema.ts'

/**
 * WAL pages past which a committing connection checkpoints the file itself, inside its
 * commit (5–56 ms). The server checkpoints from a thread of its own every second
 * (server/database/walCheckpoints.ts), so this is only the backstop should that fall behind;
 * SQLite's default, 1,000 pages (4 MB), put a checkpoint inside a document update every few
 * hundred updates.
 */
export const WRITER_CHECKPOINT_PAGES = 20_000

/**
 * Creates the document tables, or brings an older file's up to date; idempotent. The store
 * runs it on open and so does the first SQLite migration (server/database).
 */
export function createSqliteDocumentSchema(db: Database.Database): void {
  db.exec(CREATE_SCHEMA)
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (1)').run()
  const version = row?.version ?? 1
  if (version > SCHEMA_VERSION) {
    throw new Error(`database schema ${version} is newer than this server (${SCHEMA_VERSION})`)
  }
  const setVersion = db.prepare('UPDATE schema_version SET version = ?')
  for (let next = version + 1; next <= SCHEMA_VERSION; next++) {
    // One transaction per step: a crash mid-migration leaves the file at the previous version.
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!)
      setVersion.run(next)
    })()
  }
}

/**
 * The default store: one SQLite file. better-sqlite3 is synchronous, so each method has
 * finished writing when its promise is created; the promises keep the interface the same
 * as an adapter that talks to a server.
 */
export function openSqliteDocumentStore(file: string): DocumentStore {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode loses nothing when the process dies, only on power loss or OS crash.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`)
  createSqliteDocumentSchema(db)

  const insertDocument = db.prepare(
    `INSERT INTO documents (${SUMMARY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertUpdate = db.prepare('INSERT INTO updates (document_id, data) VALUES (?, ?)')
  const touchDocument = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?')
  const selectSnapshot = db.prepare('SELECT seq, data FROM snapshots WHERE document_id = ?')
  // The tail of a judged append mostly needs only where the snapshot stands: reading its
  // blob (275 kB for 2,000 segments) made each append take 5 ms instead of 0.3.
  const selectSnapshotSeq = db.prepare('SELECT seq FROM snapshots WHERE document_id = ?').pluck()
  const selectSnapshotData = db.prepare('SELECT data FROM snapshots WHERE document_id = ?').pluck()
  const selectUpdates = db.prepare(
    'SELECT seq, data FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq',
  )
  // Never back: a compaction that read an older log (a slow one, or another process's) must
  // not put back a snapshot older than the log that a newer one already dropped. One at the
  // same number may replace it: a room's own state can hold a change whose append failed.
  const advanceSnapshot = db.prepare(
    `INSERT INTO snapshots (document_id, seq, data) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, data = excluded.data
     WHERE excluded.seq >= snapshots.seq`,
  )
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE document_id = ? AND seq <= ?')
  const advanceExportView = db.prepare(
    `INSERT INTO export_views (document_id, seq, data) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, data = excluded.data
     WHERE excluded.seq >= export_views.seq`,
  )
  // Current: no snapshot past it, no update after it.
  const selectCurrentExportView = db
    .prepare(
      `SELECT v.data FROM export_views v JOIN documents d ON d.id = v.document_id
       WHERE v.document_id = ? AND d.deleted_at IS NULL
         AND v.seq >= COALESCE((SELECT seq FROM snapshots WHERE document_id = v.document_id), 0)
         AND NOT EXISTS (SELECT 1 FROM updates u WHERE u.document_id = v.document_id AND u.seq > v.seq)`,
    )
    .pluck()
  const selectDocuments = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE deleted_at IS NULL
     ORDER BY created_at DESC, rowid DESC`,
  )
  const selectDocument = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ? AND deleted_at IS NULL`,
  )
  const selectIsLive = db.prepare('SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL')
  const updateProgress = db.prepare('UPDATE documents SET progress = ? WHERE id = ?')
  const updateTitle = db.prepare(
    'UPDATE documents SET title = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const markDeleted = db.prepare(
    'UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const markRestored = db.prepare(
    'UPDATE documents SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL',
  )
  const selectDeleted = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, deleted_at FROM documents
     WHERE deleted_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))
     ORDER BY deleted_at DESC, rowid DESC`,
  )
  const selectExpired = db.prepare('SELECT id FROM documents WHERE deleted_at < ?')
  // Snapshots and updates go with the row (ON DELETE CASCADE).
  const deleteRow = db.prepare('DELETE FROM documents WHERE id = ?')

  const insertOriginal = db.prepare(
    'INSERT INTO original_files (document_id, format, encoding, sha256, name, data) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const selectOriginal = db.prepare(
    `SELECT format, encoding, sha256, name, data FROM original_files
     WHERE document_id = ? AND document_id IN (SELECT id FROM documents WHERE deleted_at IS NULL)`,
  )

  const create = db.transaction(
    (summary: DocumentSummary, initialUpdate: Uint8Array, original?: OriginalFile) => {
      insertDocument.run(
        summary.id,
        summary.title,
        summary.sourceLang,
        summary.targetLang,
        summary.createdAt,
        summary.updatedAt,
        JSON.stringify(summary.progress),
      )
      advanceSnapshot.run(summary.id, 0, initialUpdate)
      if (original) {
        insertOriginal.run(
          summary.id,
          original.format,
          original.encoding,
          original.sha256,
          original.name,
          Buffer.from(original.bytes),
        )
      }
    },
  )

  const append = db.transaction((id: string, update: Uint8Array): number => {
    const seq = Number(insertUpdate.run(id, update).lastInsertRowid)
    touchDocument.run(Date.now(), id)
    return seq
  })

  /** The log after `afterSeq`; the snapshot too when it is past it. Run inside a transaction. */
  const readTail = (id: string, afterSeq: number, liveOnly = true): LogTail | null => {
    if (liveOnly && !selectIsLive.get(id)) return null
    const snapshotSeq = selectSnapshotSeq.get(id) as number | undefined
    if (snapshotSeq === undefined) return null
    const folded = snapshotSeq > afterSeq
    const from = folded ? snapshotSeq : afterSeq
    const rows = selectUpdates.all(id, from) as Array<{ seq: number; data: Buffer }>
    return {
      snapshot: folded ? new Uint8Array(selectSnapshotData.get(id) as Buffer) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? from,
    }
  }

  const loadTail = db.transaction((id: string, afterSeq: number) => readTail(id, afterSeq))

  const purge = db.transaction((deletedBefore: number): string[] => {
    const ids = (selectExpired.all(deletedBefore) as Array<{ id: string }>).map((row) => row.id)
    for (const id of ids) deleteRow.run(id)
    return ids
  })

  const remove = db.transaction((ids: readonly string[]) => {
    for (const id of ids) deleteRow.run(id)
  })

  const load = db.transaction((id: string): LoadedDocument | null => {
    if (!selectIsLive.get(id)) return null
    const snapshot = selectSnapshot.get(id) as { seq: number; data: Buffer } | undefined
    if (!snapshot) return null
    const rows = selectUpdates.all(id, snapshot.seq) as Array<{ seq: number; data: Buffer }>
    return {
      snapshot: new Uint8Array(snapshot.data),
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshot.seq,
    }
  })

  // Under the write lock, as appends and judged appends are: the Y.Doc was encoded before,
  // off the lock, so this holds it only for the two writes.
  const compact = db.transaction((id: string, snapshot: Uint8Array, upToSeq: number) => {
    if (advanceSnapshot.run(id, upToSeq, snapshot).changes > 0) deleteUpdates.run(id, upToSeq)
  })

  return {
    async createDocument(summary, initialUpdate, original) {
      create(summary, initialUpdate, original)
    },
    async loadOriginal(id) {
      const row = selectOriginal.get(id) as
        { format: string; encoding: string; sha256: string; name: string; data: Buffer } | undefined
      if (!row) return null
      return {
        format: row.format,
        encoding: row.encoding,
        sha256: row.sha256,
        bytes: new Uint8Array(row.data),
        name: row.name,
      }
    },
    async appendUpdate(id, update) {
      return append(id, update)
    },
    async appendJudged(id, afterSeq, judge) {
      // better-sqlite3's transactions are synchronous, so the judge runs inside the write lock.
      return db
        .transaction(() => {
          // A document in the bin still takes appends, as `appendUpdate` does: its sockets
          // are being closed, and what they sent meanwhile is kept if it is restored.
          const tail = readTail(id, afterSeq, false)
          if (!tail) throw new Error(`no document ${id} to append to`)
          const { append: appended, verdict } = judge(tail)
          let seq: number | null = null
          for (const update of appendedList(appended)) seq = append(id, update)
          return { seq, verdict }
        })
        .immediate()
    },
    async loadTail(id, afterSeq) {
      return loadTail(id, afterSeq)
    },
    async loadDocument(id) {
      return load(id)
    },
    async compact(id, snapshot, upToSeq) {
      compact.immediate(id, snapshot, upToSeq)
    },
    async saveExportView(id, seq, view) {
      advanceExportView.run(id, seq, view)
    },
    async loadExportView(id) {
      const data = selectCurrentExportView.get(id) as Buffer | undefined
      return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
    },
    async listDocuments() {
      return (selectDocuments.all() as DocumentRow[]).map(toSummary)
    },
    async getDocument(id) {
      const row = selectDocument.get(id) as DocumentRow | undefined
      return row ? toSummary(row) : null
    },
    async saveProgress(id, progress) {
      updateProgress.run(JSON.stringify(progress), id)
    },
    async renameDocument(id, title) {
      return updateTitle.run(title, id).changes > 0
    },
    async deleteDocument(id, now = Date.now()) {
      return markDeleted.run(now, id).changes > 0
    },
    async restoreDocument(id) {
      return markRestored.run(id).changes > 0
    },
    async listDeletedDocuments(ids) {
      const rows = selectDeleted.all(JSON.stringify(ids)) as Array<
        DocumentRow & { deleted_at: number }
      >
      return rows.map((row): DeletedDocument => ({ ...toSummary(row), deletedAt: row.deleted_at }))
    },
    async purgeDocuments(deletedBefore) {
      return purge(deletedBefore)
    },
    async removeDocuments(ids) {
      remove(ids)
    },
    async close() {
      db.close()
    },
  }
}
