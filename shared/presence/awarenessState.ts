import { z } from 'zod'

/*
 * The awareness state a client publishes, as the server accepts it and every other client reads
 * it: our presence fields (`user`, `segmentId`) beside the caret fields @lexical/yjs writes
 * (`name`, `color`, `focusing`, `anchorPos`, `focusPos`, `awarenessData`). The server relays
 * only states of this small, flat shape, so a peer can never make it (or another browser)
 * walk a deep or huge value.
 */

/** Largest awareness state one client may publish (its JSON, in UTF-8 bytes). */
export const MAX_AWARENESS_STATE_BYTES = 4096

const MAX_NAME_LENGTH = 200
const MAX_ID_LENGTH = 200
const clock = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const yId = z.strictObject({ client: clock, clock })

/** A Yjs RelativePosition as JSON.stringify writes it (the binding stores the object itself). */
const relativePosition = z.strictObject({
  type: yId.nullable().optional(),
  tname: z.string().max(MAX_ID_LENGTH).nullable().optional(),
  item: yId.nullable().optional(),
  assoc: z.number().int().min(-1).max(1).optional(),
})

/** Our part of the state: who this is and which segment they are in. */
export const presenceState = z.object({
  user: z.object({
    id: z.string().max(MAX_ID_LENGTH),
    name: z.string().max(MAX_NAME_LENGTH),
    color: z.string().regex(/^#(?:[0-9a-f]{3}){1,2}$/i),
  }),
  segmentId: z.string().max(MAX_ID_LENGTH).nullable(),
})

export type PresenceState = z.infer<typeof presenceState>

/** The whole state a client may publish; `{}` (a fresh Awareness) included. */
export const awarenessState = z.strictObject({
  user: presenceState.shape.user.strict().optional(),
  segmentId: presenceState.shape.segmentId.optional(),
  name: z.string().max(MAX_NAME_LENGTH).optional(),
  color: z.string().max(MAX_NAME_LENGTH).optional(),
  focusing: z.boolean().optional(),
  anchorPos: relativePosition.nullable().optional(),
  focusPos: relativePosition.nullable().optional(),
  awarenessData: z.strictObject({ userId: z.string().max(MAX_ID_LENGTH).optional() }).optional(),
  /** Moved by a client that changed a glossary, so everyone in the document refetches terms. */
  glossaryRevision: clock.optional(),
})

export type AwarenessState = z.infer<typeof awarenessState>

/** The user ids a state claims to be (presence and caret), for checking against the sender. */
export function claimedUserIds(state: AwarenessState): string[] {
  const ids: string[] = []
  if (state.user) ids.push(state.user.id)
  if (state.awarenessData?.userId !== undefined) ids.push(state.awarenessData.userId)
  return ids
}
