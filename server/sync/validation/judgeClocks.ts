import * as Y from 'yjs'
import { reject, type Decision } from './decision.ts'
import { MAX_CLOCK } from './limits.ts'

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * Refuses an update Yjs would not integrate whole, at once, in the state it is judged in:
 * structs that leave a gap after what the room has of a client (Yjs keeps them pending and
 * integrates them later, unjudged, when the gap is filled), GC and Skip structs that claim
 * clocks of a client other than the sender's own (they make that client's real edits look
 * already known, and Yjs drops them), and clocks past `MAX_CLOCK`.
 *
 * `senderClientId` is the sender's own client id when the connection has told it (its
 * awareness, or an earlier update); until then it is the one client whose new items the
 * update carries, so a GC alone can never name its own author.
 */
export function judgeClocks(
  doc: Y.Doc,
  structs: readonly Struct[],
  senderClientId: number | null,
): Decision | null {
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client)
    if (list) list.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  const addsTo = [...byClient].filter(([client, list]) => {
    const last = list[list.length - 1]!
    return last.id.clock + last.length > Y.getState(doc.store, client)
  })
  const own = senderClientId ?? soleNewClient(doc, structs)
  for (const [client, list] of addsTo) {
    let next = Y.getState(doc.store, client)
    for (const struct of list) {
      const end = struct.id.clock + struct.length
      if (end > MAX_CLOCK) {
        return reject('clock_overflow', `${client}:${struct.id.clock} reaches clock ${end}`)
      }
      if (end <= next) continue
      if (struct.id.clock > next) {
        return reject('clock_gap', `${client}:${struct.id.clock} follows ${client}:${next - 1}`)
      }
      if (!(struct instanceof Y.Item) && client !== own) {
        return reject(
          'foreign_gc',
          `${struct instanceof Y.Skip ? 'skip' : 'gc'} ${client}:${struct.id.clock}+${struct.length} is not the sender's`,
        )
      }
      // A Skip fills no clocks: whatever follows it leaves a gap.
      if (!(struct instanceof Y.Skip)) next = end
    }
  }
  return null
}

/** The one client id an accepted update adds structs to, if exactly one: the sender's own. */
export function soleNewClient(doc: Y.Doc, structs: readonly Struct[]): number | null {
  let sole: number | null = null
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    if (sole !== null && sole !== struct.id.client) return null
    sole = struct.id.client
  }
  return sole
}
