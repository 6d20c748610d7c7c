// Run by shared/model/compactStructs.test.ts as `node --expose-gc --import tsx`: the heap one
// loaded document takes, plain and with compact structs, each read after collecting garbage.
// Prints JSON.
import * as Y from 'yjs'
import { keepStructsCompact } from '@qalam/shared/model'
import { translatedDocumentUpdates } from './translatedDocument.ts'

const exposed = (globalThis as { gc?: () => void }).gc
if (!exposed) throw new Error('run with --expose-gc')
const collect: () => void = exposed

function heapOfLoaded(updates: Uint8Array[], compact: boolean): { bytes: number; doc: Y.Doc } {
  collect()
  collect()
  const before = process.memoryUsage().heapUsed
  const doc = new Y.Doc()
  if (compact) keepStructsCompact(doc)
  for (const update of updates) Y.applyUpdate(doc, update)
  collect()
  collect()
  return { bytes: process.memoryUsage().heapUsed - before, doc }
}

const updates = translatedDocumentUpdates(Number(process.argv[2] ?? 2000))
const plain = heapOfLoaded(updates, false)
const compact = heapOfLoaded(updates, true)
// Both documents stay alive until both are measured.
const loaded = plain.doc.share.size + compact.doc.share.size
console.log(JSON.stringify({ plainBytes: plain.bytes, compactBytes: compact.bytes, loaded }))
