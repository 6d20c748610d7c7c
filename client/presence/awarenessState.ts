import { presenceState } from '@qalam/shared/presence'
import type { LocalUser } from './identity.ts'

/*
 * The part of a client's awareness state that is ours (the contract with every other client):
 * `{ user: { id, name, color }, segmentId }`. The Lexical binding adds its caret fields beside
 * these. The server relays only states of the shape `@qalam/shared/presence` defines.
 */

export const PRESENCE_FIELDS = ['user', 'segmentId'] as const

export interface Collaborator extends LocalUser {
  clientId: number
  segmentId: string | null
}

/** Reads the presence part of remote awareness states; states without one are skipped. */
export function readCollaborators(
  states: ReadonlyMap<number, Record<string, unknown>>,
  localClientId: number,
): Collaborator[] {
  const collaborators: Collaborator[] = []
  for (const [clientId, state] of states) {
    if (clientId === localClientId) continue
    const parsed = presenceState.safeParse(state)
    if (parsed.success)
      collaborators.push({ clientId, ...parsed.data.user, segmentId: parsed.data.segmentId })
  }
  return collaborators
}

/** Keeps our presence fields of `current` in `next`, so a writer that replaces the state wholesale cannot drop them. */
export function withPresence(
  next: Record<string, unknown>,
  current: Record<string, unknown> | null,
): Record<string, unknown> {
  if (current === null) return next
  const merged = { ...next }
  for (const field of PRESENCE_FIELDS) if (field in current) merged[field] = current[field]
  return merged
}
