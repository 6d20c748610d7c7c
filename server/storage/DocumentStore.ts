import type { DocumentProgress } from '@qalam/shared/model'

/** What the document list shows about one document; the Y.Doc itself is stored separately. */
export interface DocumentSummary {
  id: string
  title: string
  sourceLang: string
  targetLang: string
  createdAt: number
  updatedAt: number
  progress: DocumentProgress
}

/** A document in the bin: deleted at `deletedAt`, restorable until it is purged. */
export interface DeletedDocument extends DocumentSummary {
  deletedAt: number
}

/** A document's persisted state: apply `snapshot`, then `updates` in order. */
export interface LoadedDocument {
  snapshot: Uint8Array
  updates: Uint8Array[]
  /** Sequence number of the last update in `updates` (or of the snapshot when there are none). */
  lastSeq: number
}

/**
 * What a document's log holds past a sequence number: what a process that has applied
 * everything up to `afterSeq` still has to apply, in order.
 */
export interface LogTail {
  /** The snapshot, when a compaction folded in updates past `afterSeq`: apply it first. */
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** The sequence number the tail brings the reader to (`afterSeq` when it is empty). */
  lastSeq: number
}

/**
 * What `appendJudged`'s judge says: the update to append (or none, or several, in order: a
 * group commit) and its verdict.
 */
export interface Judgement<Verdict> {
  append: Uint8Array | readonly Uint8Array[] | null
  verdict: Verdict
}

/** The updates a judge appends, as a list. */
export function appendedList(
  append: Uint8Array | readonly Uint8Array[] | null,
): readonly Uint8Array[] {
  if (append === null) return []
  return append instanceof Uint8Array ? [append] : append
}

/** The file a document was imported from, byte for byte, for an export in kind. */
export interface OriginalFile {
  /** The format it was read as (`xliff12`, `xliff20`). */
  format: string
  /** The character encoding it was read in (`utf-8`, `utf-16le`, `windows-1251`…). */
  encoding: string
  /** Hex SHA-256 of `bytes`, checked when the file is read back. */
  sha256: string
  bytes: Uint8Array
  /** The uploaded file's name, for the export's. */
  name: string
}

/**
 * Where documents live. Updates are an append-only log per document, folded into a snapshot
 * by `compact`. Every method resolves only once the change is durable. A deleted document is
 * absent to `loadDocument`, `getDocument` and `listDocuments` until it is restored.
 */
export interface DocumentStore {
  /** Stores the summary, the initial Y.Doc state and the original file together, or nothing. */
  createDocument(
    summary: DocumentSummary,
    initialUpdate: Uint8Array,
    original?: OriginalFile,
  ): Promise<void>
  /** The file a live document was imported from; null for a text import or no document. */
  loadOriginal(id: string): Promise<OriginalFile | null>
  /** Appends one update to the document's log and returns its sequence number (increasing). */
  appendUpdate(id: string, update: Uint8Array): Promise<number>
  /**
   * Appends an update judged against the whole log: holding the document's lock (which every
   * append and compaction takes), reads what was stored after `afterSeq`, hands it to `judge`
   * (synchronous, so the lock is held for as short as possible) and appends what it returns.
   * Several processes serving one document thus judge its updates one at a time, each against
   * everything stored before it. `seq` is that of the last update appended, null when the
   * judge appended nothing. A store may call `judge` more than once (PostgreSQL first judges
   * with an empty tail and appends only if the log still ends at `afterSeq`, then judges again
   * with the tail if it did not): each call must judge afresh, and the last one is what was
   * stored.
   */
  appendJudged<Verdict>(
    id: string,
    afterSeq: number,
    judge: (tail: LogTail) => Judgement<Verdict>,
  ): Promise<{ seq: number | null; verdict: Verdict }>
  /** What the log holds after `afterSeq`; null when there is no live document `id`. */
  loadTail(id: string, afterSeq: number): Promise<LogTail | null>
  loadDocument(id: string): Promise<LoadedDocument | null>
  /**
   * Replaces the snapshot and deletes the log up to and including `upToSeq`, atomically, under
   * the document's lock. Compactions never move back: when the stored snapshot is already past
   * `upToSeq` (another process or an earlier job compacted further), nothing changes.
   */
  compact(id: string, snapshot: Uint8Array, upToSeq: number): Promise<void>
  /**
   * Keeps the document's export view (`encodeExportView`'s JSON) as of `seq`, so that an
   * export of the document while nobody has it open reads it instead of replaying the whole
   * document. Never back: a view older than the kept one changes nothing.
   */
  saveExportView(id: string, seq: number, view: Uint8Array): Promise<void>
  /** The kept export view, when nothing was stored after it; null otherwise. */
  loadExportView(id: string): Promise<Uint8Array | null>
  /** Newest first. */
  listDocuments(): Promise<DocumentSummary[]>
  getDocument(id: string): Promise<DocumentSummary | null>
  saveProgress(id: string, progress: DocumentProgress): Promise<void>
  /** False when there is no live document `id`. */
  renameDocument(id: string, title: string): Promise<boolean>
  /** Moves a live document to the bin; false when there is none. */
  deleteDocument(id: string, now?: number): Promise<boolean>
  /** Takes a document out of the bin; false when it is not there. */
  restoreDocument(id: string): Promise<boolean>
  /** Deleted documents among `ids`, most recently deleted first. */
  listDeletedDocuments(ids: readonly string[]): Promise<DeletedDocument[]>
  /** Removes for good every document deleted before `deletedBefore`; returns their ids. */
  purgeDocuments(deletedBefore: number): Promise<string[]>
  /** Removes documents for good, deleted or not (their project is being purged). */
  removeDocuments(ids: readonly string[]): Promise<void>
  close(): Promise<void>
}
