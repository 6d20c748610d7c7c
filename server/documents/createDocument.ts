import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import {
  documentProgress,
  initDocument,
  type DocumentProgress,
  type TransactionOrigin,
} from '@qalam/shared/model'
import type { ParsedPlainText } from '@qalam/shared/formats'
import type { DocumentStore, DocumentSummary } from '../storage/index.ts'

export interface NewDocument {
  title: string
  /** Canonical BCP 47 tags. */
  sourceLang: string
  targetLang: string
  parsed: ParsedPlainText
  /** What the file was read in; kept in the document's meta for an export in kind. */
  sourceEncoding?: string
}

/** A new document's whole Y.Doc as one update, and the progress the listing shows. */
export interface BuiltDocument {
  update: Uint8Array
  progress: DocumentProgress
}

/** What a stored document's summary takes besides what building it worked out. */
export type DocumentHeading = Pick<NewDocument, 'title' | 'sourceLang' | 'targetLang'>

/**
 * Builds the Y.Doc of an imported text and encodes it; touches no store, so it can run in a
 * worker thread (a 20 MB text takes seconds). Expects validated input: callers reject empty
 * texts and unknown languages first. `now` must be the one later given to `storeDocument`.
 */
export function buildDocument(input: NewDocument, now: number): BuiltDocument {
  const doc = new Y.Doc()
  initDocument(
    doc,
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      createdAt: now,
      trailing: input.parsed.trailing,
      ...(input.sourceEncoding === undefined ? {} : { sourceEncoding: input.sourceEncoding }),
    },
    input.parsed.segments,
    { kind: 'server' } satisfies TransactionOrigin,
  )
  const built = { update: Y.encodeStateAsUpdate(doc), progress: documentProgress(doc) }
  doc.destroy()
  return built
}

/** Stores a built document with its summary in one transaction. */
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
  await store.createDocument(summary, built.update)
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
