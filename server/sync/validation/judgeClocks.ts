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
  // Each client's structs come as one run, in clock order (`Y.decodeUpdate` lists a section's
  // structs in order, and `countUpdateItems` refuses a client in two sections), so the runs are
  // judged where they lie, without grouping copies; a client met again is grouped after all.
  let judged: Set<number> | null = null
  for (let start = 0; start < structs.length;) {
    const client = structs[start]!.id.client
    let end = start + 1
    while (end < structs.length && structs[end]!.id.client === client) end++
    if (start > 0 || end < structs.length) {
      judged ??= new Set()
      if (judged.has(client)) return judgeClocksGrouped(doc, structs, senderClientId)
      judged.add(client)
    }
    const verdict = judgeClientRun(doc, structs, start, end, senderClientId)
    if (verdict) return verdict
    start = end
  }
  return null
}

/** The same judgement for structs in any order: each client's in the order they come. */
function judgeClocksGrouped(
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
  for (const list of byClient.values()) {
    const verdict = judgeClientRun(doc, list, 0, list.length, senderClientId, structs)
    if (verdict) return verdict
  }
  return null
}

/** Judges `list[start..end)`, the structs of one client, against what the room has of it. */
function judgeClientRun(
  doc: Y.Doc,
  list: readonly Struct[],
  start: number,
  end: number,
  senderClientId: number | null,
  structs: readonly Struct[] = list,
): Decision | null {
  const client = list[start]!.id.client
  let next = Y.getState(doc.store, client)
  const last = list[end - 1]!
  // Nothing new of this client: Yjs skips what it has.
  if (last.id.clock + last.length <= next) return null
  for (let index = start; index < end; index++) {
    const struct = list[index]!
    const structEnd = struct.id.clock + struct.length
    if (structEnd > MAX_CLOCK) {
      return reject('clock_overflow', `${client}:${struct.id.clock} reaches clock ${structEnd}`)
    }
    if (structEnd <= next) continue
    if (struct.id.clock > next) {
      return reject('clock_gap', `${client}:${struct.id.clock} follows ${client}:${next - 1}`)
    }
    if (!(struct instanceof Y.Item) && client !== (senderClientId ?? soleNewClient(doc, structs))) {
      return reject(
        'foreign_gc',
        `${struct instanceof Y.Skip ? 'skip' : 'gc'} ${client}:${struct.id.clock}+${struct.length} is not the sender's`,
      )
    }
    // A Skip fills no clocks: whatever follows it leaves a gap.
    if (!(struct instanceof Y.Skip)) next = structEnd
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
