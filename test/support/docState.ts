import * as Y from 'yjs'

export interface DocState {
  /** Clocks each client has reached: what the doc holds of it. */
  stateVector: Record<string, number>
  /** Ranges of each client's clocks deleted, as `[clock, length]`, merged and in order. */
  deleted: Record<string, Array<[number, number]>>
}

/**
 * What a Y.Doc holds, deletions included, as plain data for `toEqual` to compare and diff: two
 * docs have equal states exactly when they hold the same structs and have deleted the same ones.
 * A state vector alone misses deletions: an update that only deletes moves no clock.
 */
export function docState(doc: Y.Doc): DocState {
  const { sv, ds } = Y.snapshot(doc)
  const byClient = <T>(entries: Iterable<[number, T]>) =>
    Object.fromEntries([...entries].sort(([a], [b]) => a - b).map(([id, v]) => [String(id), v]))
  return {
    stateVector: byClient(sv),
    deleted: byClient(
      [...ds.clients].map(([client, ranges]): [number, Array<[number, number]>] => [
        client,
        ranges.map((range): [number, number] => [range.clock, range.len]),
      ]),
    ),
  }
}
