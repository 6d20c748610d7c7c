import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'

/**
 * A well-formed Yjs update of two items by one client, the second's right origin rewritten
 * to `clock`. With clock 0 it is genuine; with a later clock no real client could have written
 * it, and Yjs throws halfway through applying it.
 */
export function forgeRightOrigin(clock: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'a')
  doc.getText('t').insert(0, 'b') // left of 'a': a second item whose right origin is 'a'
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc))
  const second = structs[1] as Y.Item
  second.rightOrigin = Y.createID(second.id.client, clock)
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 1)
  encoding.writeVarUint(encoder.restEncoder, structs.length)
  encoder.writeClient(second.id.client)
  encoding.writeVarUint(encoder.restEncoder, 0)
  for (const struct of structs) struct.write(encoder, 0)
  encoding.writeVarUint(encoder.restEncoder, 0) // empty delete set
  return encoder.toUint8Array()
}

/**
 * An update of one GC struct: "client `client` wrote `length` clocks from `clock`, all
 * deleted since". Honest clients send GC structs only for their own deleted content.
 */
export function forgeGc(client: number, clock: number, length: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 1)
  encoding.writeVarUint(encoder.restEncoder, 1)
  encoder.writeClient(client)
  encoding.writeVarUint(encoder.restEncoder, clock)
  new Y.GC(Y.createID(client, clock), length).write(encoder, 0)
  encoding.writeVarUint(encoder.restEncoder, 0) // empty delete set
  return encoder.toUint8Array()
}

/**
 * The structs of `first` and then of `second` (consecutive updates of one client, no
 * deletions) as one update naming that client in two sections, which no Yjs encoder writes:
 * Yjs integrates only a client's last section, so the first one's clocks become a gap.
 */
export function repeatClientSection(first: Uint8Array, second: Uint8Array): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 2)
  for (const update of [first, second]) {
    const { structs } = Y.decodeUpdate(update)
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(structs[0]!.id.client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock)
    for (const struct of structs) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, 0) // empty delete set
  return encoder.toUint8Array()
}
