import * as Y from 'yjs'

/*
 * A document of 10,000 translated segments is about 660,000 Yjs structs held in memory by the
 * server's room and by every browser that opens it, so a few wasted bytes per struct are tens
 * of megabytes. Two wastes come from how Yjs builds structs, not from what they hold:
 * - a decoded ContentAny starts as an empty array filled by `push`, which V8 gives room for 17
 *   values; nearly every one holds a single value (a map entry, a Lexical attribute), so about
 *   136 bytes of each are empty;
 * - every decoded map key (`parentSub`) and string value is a string of its own, though a
 *   document repeats the same few dozen (`__type`, `__format`, `text`, a user's id).
 * After each transaction the structs it added get exact-size arrays and shared copies of
 * short strings. Nothing a reader sees changes: the same values, the same encoding.
 */

/** Strings longer than this are text, not keys or enumerations: not worth a lookup. */
const MAX_INTERNED_LENGTH = 40
/**
 * Distinct strings shared at most, for all documents of the process: the keys and values a
 * document repeats are few, and a client writing ever new ones must not grow this without end.
 */
const MAX_INTERNED = 4096

const interned = new Map<string, string>()

function intern(text: string): string {
  if (text.length > MAX_INTERNED_LENGTH) return text
  const shared = interned.get(text)
  if (shared !== undefined) return shared
  if (interned.size < MAX_INTERNED) interned.set(text, text)
  return text
}

function compactItem(item: Y.Item): void {
  if (item.parentSub !== null) item.parentSub = intern(item.parentSub)
  const content = item.content
  if (content instanceof Y.ContentAny) {
    // `map` allocates exactly `length` slots, where Yjs's decoder left room for 17.
    content.arr = content.arr.map((value: unknown) =>
      typeof value === 'string' ? intern(value) : value,
    )
  }
}

/** Compacts the structs a transaction added, once Yjs has merged what it merges. */
function compactTransaction(transaction: Y.Transaction, doc: Y.Doc): void {
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) return
    const structs = doc.store.clients.get(client)
    if (!structs) return
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index]!
      if (struct instanceof Y.Item) compactItem(struct)
    }
  })
}

/**
 * Keeps the structs `doc` gains from now on compact (see above); call before the first update
 * is applied, so that loading the document is compacted too.
 */
export function keepStructsCompact(doc: Y.Doc): void {
  doc.on('afterTransactionCleanup', compactTransaction)
}
