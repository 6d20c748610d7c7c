import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import {
  appendSegments,
  documentProgress,
  eachExportedSegment,
  initDocument,
  readMeta,
  type DocumentFormat,
  type DocumentProgress,
  type TransactionOrigin,
} from '@qalam/shared/model'
import type { ParsedPlainText } from '@qalam/shared/formats'
import type { DocumentStore, DocumentSummary, OriginalFile } from '../storage/index.ts'
import { encodeKeptView } from './exportViewJson.ts'

export interface NewDocument {
  title: string
  /** Canonical BCP 47 tags. */
  sourceLang: string
  targetLang: string
  parsed: ParsedPlainText
  /** What the file was read in; kept in the document's meta for an export in kind. */
  sourceEncoding?: string
  /** The format of the imported file, and the file itself when export rebuilds from it. */
  sourceFormat?: DocumentFormat
  original?: OriginalFile
}

/**
 * A new document's Y.Doc as updates to store in order, the progress the listing shows, and
 * its export view to keep (null when too large): an export before anyone opens the document
 * reads that instead of replaying it.
 */
export interface BuiltDocument {
  updates: Uint8Array[]
  progress: DocumentProgress
  exportView: Uint8Array | null
}

/**
 * Segments per update of a new document. Storing a 20 MB text's 64 MB update was one
 * synchronous SQLite write of seconds on the event loop; parts of about 1 MB each take a few
 * milliseconds each, and other requests are served between them.
 */
const SEGMENTS_PER_UPDATE = 2_000

/** What a stored document's summary takes besides what building it worked out. */
export type DocumentHeading = Pick<NewDocument, 'title' | 'sourceLang' | 'targetLang' | 'original'>

/**
 * Builds the Y.Doc of an imported text and encodes it; touches no store, so it can run in a
 * worker thread (a 20 MB text takes seconds). Expects validated input: callers reject empty
 * texts and unknown languages first. `now` must be the one later given to `storeDocument`.
 */
export function buildDocument(input: NewDocument, now: number): BuiltDocument {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const origin = { kind: 'server' } satisfies TransactionOrigin
  const { segments } = input.parsed
  initDocument(
    doc,
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      createdAt: now,
      trailing: input.parsed.trailing,
      ...(input.sourceEncoding === undefined ? {} : { sourceEncoding: input.sourceEncoding }),
      ...(input.sourceFormat === undefined ? {} : { sourceFormat: input.sourceFormat }),
    },
    segments.slice(0, SEGMENTS_PER_UPDATE),
    origin,
  )
  for (let start = SEGMENTS_PER_UPDATE; start < segments.length; start += SEGMENTS_PER_UPDATE) {
    appendSegments(doc, segments.slice(start, start + SEGMENTS_PER_UPDATE), origin)
  }
  const built = {
    updates,
    progress: documentProgress(doc),
    exportView: encodeKeptView(readMeta(doc), eachExportedSegment(doc)),
  }
  doc.destroy()
  return built
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Stores a built document with its summary: the first update with the summary in one
 * transaction, the others appended after it, yielding to the event loop between writes. The
 * caller links the document to its project only afterwards, so nobody sees it half stored; if
 * a write fails, what was stored is removed.
 */
export async function storeDocument(
  store: DocumentStore,
  heading: DocumentHeading,
  built: BuiltDocument,
  now: number,
): Promise<DocumentSummary> {
  const summary: DocumentSummary = {
    id: randomUUID(),
    title: heading.title,
    sourceLang: heading.sourceLang,
    targetLang: heading.targetLang,
    createdAt: now,
    updatedAt: now,
    progress: built.progress,
  }
  const [first, ...rest] = built.updates
  if (!first) throw new Error('a built document has at least one update')
  await store.createDocument(summary, first, heading.original)
  try {
    // The first update is the snapshot, at 0.
    let seq = 0
    for (const update of rest) {
      await nextTurn()
      seq = await store.appendUpdate(summary.id, update)
    }
    if (built.exportView) await store.saveExportView(summary.id, seq, built.exportView)
  } catch (error) {
    await store.removeDocuments([summary.id])
    throw error
  }
  return summary
}

/** `buildDocument` then `storeDocument`, on the calling thread: for small documents and tests. */
export function createDocument(
  store: DocumentStore,
  input: NewDocument,
  now = Date.now(),
): Promise<DocumentSummary> {
  return storeDocument(store, input, buildDocument(input, now), now)
}
