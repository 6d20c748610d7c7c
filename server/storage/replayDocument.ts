import * as Y from 'yjs'
import { keepStructsCompact, type TransactionOrigin } from '@qalam/shared/model'
import type { LoadedDocument } from './DocumentStore.ts'

/** A Y.Doc holding the stored state: the snapshot, then the log in order, in one transaction. */
export function replayDocument(stored: LoadedDocument): Y.Doc {
  const doc = new Y.Doc()
  keepStructsCompact(doc)
  doc.transact(
    () => {
      Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    },
    { kind: 'server' } satisfies TransactionOrigin,
  )
  return doc
}
