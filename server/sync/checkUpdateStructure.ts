import * as Y from 'yjs'

/**
 * Throws when an update holds an item that refers (as origin, right origin or parent) to an
 * item of its own client at the same or a later clock. A real client never writes one: an item
 * only refers to items that existed when it was made. Yjs does not check it and throws halfway
 * through `applyUpdate`, after part of the update is integrated; caught here, before storing,
 * the bad update never reaches the log where it would break every later load of the document.
 */
export function checkUpdateStructure(structs: ReturnType<typeof Y.decodeUpdate>['structs']): void {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const parent = struct.parent instanceof Y.ID ? struct.parent : null
    for (const ref of [struct.origin, struct.rightOrigin, parent]) {
      if (ref && ref.client === struct.id.client && ref.clock >= struct.id.clock) {
        throw new Error(`item ${struct.id.client}:${struct.id.clock} refers to a later item`)
      }
    }
  }
}
