import * as Y from 'yjs'
import type { DecodedUpdate } from './protocol.ts'

/**
 * Whether applying `update` to `doc` would change it: a struct the doc lacks, or a delete of
 * something not yet deleted. Cheap (state vector lookups and a binary search per delete range),
 * so the room can skip storing the many updates that repeat what it already has, such as the
 * SyncStep2 a reconnecting client sends. Errs on the side of "changes".
 */
export function changesDocument(doc: Y.Doc, update: DecodedUpdate): boolean {
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue
    const known = Y.getState(doc.store, struct.id.client)
    if (struct.id.clock + struct.length > known) return true
  }
  for (const [client, ranges] of update.deleteSet.clients) {
    for (const range of ranges) {
      if (deletesSomethingAlive(doc, client, range.clock, range.clock + range.len)) return true
    }
  }
  return false
}

function deletesSomethingAlive(doc: Y.Doc, client: number, start: number, end: number): boolean {
  if (end > Y.getState(doc.store, client)) return true
  const structs = doc.store.clients.get(client)
  if (!structs) return true
  for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
    const struct = structs[i]!
    if (struct.id.clock >= end) break
    if (!struct.deleted) return true
  }
  return false
}
