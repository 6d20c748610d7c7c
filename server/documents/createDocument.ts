import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import {
  documentProgress,
  initDocument,
  type DocumentFormat,
  type TransactionOrigin,
} from '@qalam/shared/model'
import type { ParsedPlainText } from '@qalam/shared/formats'
import type { DocumentStore, DocumentSummary, OriginalFile } from '../storage/index.ts'

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
 * Builds the Y.Doc of an imported text and stores it with its summary in one transaction.
 * Expects validated input: callers reject empty texts and unknown languages first.
 */
export async function createDocument(
  store: DocumentStore,
  input: NewDocument,
  now = Date.now(),
): Promise<DocumentSummary> {
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
      ...(input.sourceFormat === undefined ? {} : { sourceFormat: input.sourceFormat }),
    },
    input.parsed.segments,
    { kind: 'server' } satisfies TransactionOrigin,
  )
  const summary: DocumentSummary = {
    id: randomUUID(),
    title: input.title,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    createdAt: now,
    updatedAt: now,
    progress: documentProgress(doc),
  }
  await store.createDocument(summary, Y.encodeStateAsUpdate(doc), input.original)
  doc.destroy()
  return summary
}
