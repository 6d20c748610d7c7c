import type pg from 'pg'
import { SUMMARY_COLUMNS, toSummary, type DocumentRow } from '../documentRow.ts'
import { inTransaction } from '../../postgres/index.ts'
import {
  appendedList,
  type DeletedDocument,
  type DocumentStore,
  type LoadedDocument,
  type LogTail,
} from '../DocumentStore.ts'

/*
 * Sequence numbers. Several server processes may append to one document at once, and a
 * reader that has seen update n asks for "everything after n", so per document the numbers
 * must rise in commit order, not only be unique. A plain identity column gives unique
 * numbers in the order they are drawn, which is not the commit order: a transaction holding
 * 11 may commit before the one holding 10, and a reader then skips 10 for good.
 * So the append first takes the document's row lock (the UPDATE that stamps updated_at) and
 * draws the number while holding it: appends to one document queue on the lock and commit
 * in the order they drew. The other way, a per-document counter with a unique (document,
 * seq) key and a retry on conflict, makes the losers of every race redo their write; under
 * the lock they just wait their turn, which is cheaper for the hot document everyone edits.
 * Numbers come from one identity shared by all documents, as SQLite's AUTOINCREMENT does,
 * so `db copy` can move the log between the engines unchanged.
 */
const APPEND = `
WITH locked AS (
  UPDATE documents SET updated_at = $2 WHERE id = $1 RETURNING id
)
INSERT INTO updates (document_id, data) SELECT id, $3 FROM locked RETURNING seq`

const SELECT_UPDATES_AFTER =
  'SELECT seq, data FROM updates WHERE document_id = $1 AND seq > $2 ORDER BY seq'

async function readTail(
  client: pg.ClientBase,
  id: string,
  afterSeq: number,
  snapshotQuery: string,
): Promise<LogTail | null> {
  const snapshot = await client.query<{ seq: number; data: Buffer | null }>(snapshotQuery, [
    id,
    afterSeq,
  ])
  const stored = snapshot.rows[0]
  if (!stored) return null
  const from = Math.max(stored.seq, afterSeq)
  const { rows } = await client.query<{ seq: number; data: Buffer }>(SELECT_UPDATES_AFTER, [
    id,
    from,
  ])
  return tailOf(stored, afterSeq, rows)
}

function tailOf(
  stored: { seq: number; data: Buffer | null },
  afterSeq: number,
  rows: ReadonlyArray<{ seq: number; data: Buffer }>,
): LogTail {
  const from = Math.max(stored.seq, afterSeq)
  return {
    snapshot: stored.data ? new Uint8Array(stored.data) : null,
    updates: rows.map((row) => new Uint8Array(row.data)),
    lastSeq: rows.at(-1)?.seq ?? from,
  }
}

/*
 * A judged append in two round trips instead of five (BEGIN, lock, snapshot, log, insert,
 * COMMIT each waited for the one before): every room's update waits for it, so each round
 * trip was a turn of both event loops on the update path. The statements go as one simple
 * query each, which cannot carry parameters: the values are written into the text, the id
 * escaped, numbers checked to be integers, bytes in hex.
 *
 * In READ COMMITTED each statement of a simple query reads a snapshot of its own, taken when
 * it starts: the reads after the lock see everything committed before the lock was granted,
 * as separate queries did. (Read in the same statement as the lock, they would not: a
 * statement that waited for the lock still reads as of before the wait.)
 */
function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`)
  return String(value)
}

/** BEGIN, the document's lock (as APPEND's UPDATE takes it), then the tail read under it. */
function lockAndReadTail(client: pg.ClientBase, id: string, afterSeq: number): string {
  const document = client.escapeLiteral(id)
  const after = integer(afterSeq)
  return `BEGIN;
SELECT 1 FROM documents WHERE id = ${document} FOR UPDATE;
SELECT seq, CASE WHEN seq > ${after} THEN data END AS data FROM snapshots
WHERE document_id = ${document};
SELECT seq, data FROM updates
WHERE document_id = ${document}
  AND seq > GREATEST(${after}, (SELECT seq FROM snapshots WHERE document_id = ${document}))
ORDER BY seq`
}

/**
 * APPEND for the updates of a group commit, numbered in the order given, then the COMMIT.
 * The lock is held already; the UPDATE stamps the summary's time, as APPEND's does. With
 * `ifLogEndsAt`, nothing is appended (and no row returned) when the log or the snapshot has
 * anything past that sequence number.
 */
function appendAndCommit(
  client: pg.ClientBase,
  id: string,
  updates: readonly Uint8Array[],
  ifLogEndsAt?: number,
) {
  const document = client.escapeLiteral(id)
  const hex = updates.map(
    (update) =>
      `decode('${Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex')}', 'hex')`,
  )
  const unmoved =
    ifLogEndsAt === undefined
      ? ''
      : `
    AND NOT EXISTS (SELECT 1 FROM updates WHERE document_id = ${document} AND seq > ${integer(ifLogEndsAt)})
    AND NOT EXISTS (SELECT 1 FROM snapshots WHERE document_id = ${document} AND seq > ${integer(ifLogEndsAt)})`
  return `WITH locked AS (
  UPDATE documents SET updated_at = ${integer(Date.now())}
  WHERE id = ${document}${unmoved}
  RETURNING id
)
INSERT INTO updates (document_id, data)
SELECT locked.id, given.data
FROM locked, unnest(ARRAY[${hex.join(', ')}]::bytea[]) WITH ORDINALITY AS given(data, position)
ORDER BY given.position
RETURNING seq;
COMMIT`
}

/**
 * The judged append in one round trip, for the usual case of a document only this process
 * writes: the judge has judged against the room's own state (an empty tail), and the rows go
 * in only if, under the lock, the log still ends at `afterSeq`. The INSERT reads after the
 * lock was granted (its own statement snapshot), so it sees every append committed before.
 * Returns the new sequence numbers, or null when the log moved on (nothing was written).
 */
async function appendIfLogEndsAt(
  client: pg.ClientBase,
  id: string,
  afterSeq: number,
  updates: readonly Uint8Array[],
): Promise<number[] | null> {
  const text = `BEGIN;
SELECT 1 FROM documents WHERE id = ${client.escapeLiteral(id)} FOR UPDATE;
${appendAndCommit(client, id, updates, afterSeq)}`
  try {
    const [, , inserted] = await simpleQuery(client, text)
    const seqs = (inserted?.rows ?? []).map((row: { seq: number }) => row.seq)
    return seqs.length === updates.length ? seqs : null
  } catch (error) {
    // A statement failed and left the transaction open (aborted): end it, keep the error.
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

/** The results of a simple query of several statements, in order (pg returns one or a list). */
async function simpleQuery(client: pg.ClientBase, text: string): Promise<pg.QueryResult[]> {
  const result: unknown = await client.query(text)
  return Array.isArray(result) ? (result as pg.QueryResult[]) : [result as pg.QueryResult]
}

/**
 * The DocumentStore on PostgreSQL. Every method resolves after the server has committed (the
 * pool's default `synchronous_commit = on` flushes the WAL before it answers). The caller
 * owns the pool and ends it; `close` leaves it open.
 */
export function createPostgresDocumentStore(pool: pg.Pool): DocumentStore {
  return {
    async createDocument(summary, initialUpdate, original) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO documents (${SUMMARY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            summary.id,
            summary.title,
            summary.sourceLang,
            summary.targetLang,
            summary.createdAt,
            summary.updatedAt,
            JSON.stringify(summary.progress),
          ],
        )
        await client.query('INSERT INTO snapshots (document_id, seq, data) VALUES ($1, 0, $2)', [
          summary.id,
          initialUpdate,
        ])
        if (original) {
          await client.query(
            `INSERT INTO original_files (document_id, format, encoding, sha256, name, data)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              summary.id,
              original.format,
              original.encoding,
              original.sha256,
              original.name,
              Buffer.from(original.bytes),
            ],
          )
        }
      })
    },
    async loadOriginal(id) {
      const { rows } = await pool.query<{
        format: string
        encoding: string
        sha256: string
        name: string
        data: Buffer
      }>(
        `SELECT o.format, o.encoding, o.sha256, o.name, o.data FROM original_files o
         JOIN documents d ON d.id = o.document_id WHERE o.document_id = $1 AND d.deleted_at IS NULL`,
        [id],
      )
      const row = rows[0]
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
      // One statement, so one implicit transaction and one round trip.
      const { rows } = await pool.query<{ seq: number }>(APPEND, [id, Date.now(), update])
      const row = rows[0]
      if (!row) throw new Error(`no document ${id} to append to`)
      return row.seq
    },
    async appendJudged(id, afterSeq, judge) {
      const client = await pool.connect()
      let committed = false
      try {
        // Sticky routing keeps a document's sockets on one process, so its log has almost
        // always nothing past what the room applied: judged so first, stored in one round
        // trip, and judged again under the lock (two round trips) only when that was wrong.
        const hopeful = judge({ snapshot: null, updates: [], lastSeq: afterSeq })
        const hoped = appendedList(hopeful.append)
        if (hoped.length > 0) {
          const seqs = await appendIfLogEndsAt(client, id, afterSeq, hoped)
          if (seqs) return { seq: Math.max(...seqs), verdict: hopeful.verdict }
        }
        const [, locked, snapshot, log] = await simpleQuery(
          client,
          lockAndReadTail(client, id, afterSeq),
        )
        const stored = snapshot?.rows[0] as { seq: number; data: Buffer | null } | undefined
        if (!locked?.rowCount || !stored || !log) throw new Error(`no document ${id} to append to`)
        const tail = tailOf(stored, afterSeq, log.rows as Array<{ seq: number; data: Buffer }>)
        const { append, verdict } = judge(tail)
        const updates = appendedList(append)
        if (updates.length === 0) {
          await client.query('COMMIT')
          committed = true
          return { seq: null, verdict }
        }
        const [inserted] = await simpleQuery(client, appendAndCommit(client, id, updates))
        committed = true
        const seqs = (inserted?.rows ?? []).map((row: { seq: number }) => row.seq)
        if (seqs.length !== updates.length) throw new Error(`no document ${id} to append to`)
        return { seq: Math.max(...seqs), verdict }
      } catch (error) {
        // The rollback's own failure (a dropped connection) must not hide the error.
        if (!committed) await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async loadTail(id, afterSeq) {
      return inTransaction(pool, async (client) => {
        // One moment for both reads, as in loadDocument.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
        return readTail(
          client,
          id,
          afterSeq,
          `SELECT s.seq, CASE WHEN s.seq > $2 THEN s.data END AS data
           FROM snapshots s JOIN documents d ON d.id = s.document_id
           WHERE s.document_id = $1 AND d.deleted_at IS NULL`,
        )
      })
    },
    async loadDocument(id) {
      // REPEATABLE READ: the snapshot and the log are read as of one moment, so a compaction
      // committing in between cannot make us miss updates or read them twice.
      return inTransaction(pool, async (client): Promise<LoadedDocument | null> => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
        const snapshot = await client.query<{ seq: number; data: Buffer }>(
          `SELECT s.seq, s.data FROM snapshots s JOIN documents d ON d.id = s.document_id
           WHERE s.document_id = $1 AND d.deleted_at IS NULL`,
          [id],
        )
        const stored = snapshot.rows[0]
        if (!stored) return null
        const { rows } = await client.query<{ seq: number; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE document_id = $1 AND seq > $2 ORDER BY seq',
          [id, stored.seq],
        )
        return {
          snapshot: new Uint8Array(stored.data),
          updates: rows.map((row) => new Uint8Array(row.data)),
          lastSeq: rows.at(-1)?.seq ?? stored.seq,
        }
      })
    },
    async compact(id, snapshot, upToSeq) {
      await inTransaction(pool, async (client) => {
        // The document's lock, as appends take it; the snapshot was encoded before, off it.
        await client.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [id])
        // Never back: a compaction that read an older log (a slow one, or another process's)
        // must not put back a snapshot older than what a newer one dropped. One at the same
        // number may replace it: a room's own state can hold a change whose append failed.
        const advanced = await client.query(
          `INSERT INTO snapshots (document_id, seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, data = excluded.data
           WHERE excluded.seq >= snapshots.seq`,
          [id, upToSeq, snapshot],
        )
        if ((advanced.rowCount ?? 0) === 0) return
        await client.query('DELETE FROM updates WHERE document_id = $1 AND seq <= $2', [
          id,
          upToSeq,
        ])
      })
    },
    async saveExportView(id, seq, view) {
      await pool.query(
        `INSERT INTO export_views (document_id, seq, data) VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq, data = excluded.data
         WHERE excluded.seq >= export_views.seq`,
        [id, seq, view],
      )
    },
    async loadExportView(id) {
      // Current: no snapshot past it, no update after it.
      const { rows } = await pool.query<{ data: Buffer }>(
        `SELECT v.data FROM export_views v JOIN documents d ON d.id = v.document_id
         WHERE v.document_id = $1 AND d.deleted_at IS NULL
           AND v.seq >= COALESCE((SELECT seq FROM snapshots WHERE document_id = v.document_id), 0)
           AND NOT EXISTS (SELECT 1 FROM updates u WHERE u.document_id = v.document_id AND u.seq > v.seq)`,
        [id],
      )
      const data = rows[0]?.data
      return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
    },
    async listDocuments() {
      const { rows } = await pool.query<DocumentRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE deleted_at IS NULL
         ORDER BY created_at DESC, row_order DESC`,
      )
      return rows.map(toSummary)
    },
    async getDocument(id) {
      const { rows } = await pool.query<DocumentRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      )
      return rows[0] ? toSummary(rows[0]) : null
    },
    async saveProgress(id, progress) {
      await pool.query('UPDATE documents SET progress = $1 WHERE id = $2', [
        JSON.stringify(progress),
        id,
      ])
    },
    async renameDocument(id, title) {
      const result = await pool.query(
        'UPDATE documents SET title = $1 WHERE id = $2 AND deleted_at IS NULL',
        [title, id],
      )
      return (result.rowCount ?? 0) > 0
    },
    async deleteDocument(id, now = Date.now()) {
      const result = await pool.query(
        'UPDATE documents SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL',
        [now, id],
      )
      return (result.rowCount ?? 0) > 0
    },
    async restoreDocument(id) {
      const result = await pool.query(
        'UPDATE documents SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL',
        [id],
      )
      return (result.rowCount ?? 0) > 0
    },
    async listDeletedDocuments(ids) {
      const { rows } = await pool.query<DocumentRow & { deleted_at: number }>(
        `SELECT ${SUMMARY_COLUMNS}, deleted_at FROM documents
         WHERE deleted_at IS NOT NULL AND id = ANY($1::text[])
         ORDER BY deleted_at DESC, row_order DESC`,
        [ids],
      )
      return rows.map((row): DeletedDocument => ({ ...toSummary(row), deletedAt: row.deleted_at }))
    },
    async purgeDocuments(deletedBefore) {
      // Snapshots and updates go with the row (ON DELETE CASCADE).
      const { rows } = await pool.query<{ id: string }>(
        'DELETE FROM documents WHERE deleted_at < $1 RETURNING id',
        [deletedBefore],
      )
      return rows.map((row) => row.id)
    },
    async removeDocuments(ids) {
      await pool.query('DELETE FROM documents WHERE id = ANY($1::text[])', [ids])
    },
    async close() {
      // The pool is shared with the other stores; whoever opened it ends it.
    },
  }
}
