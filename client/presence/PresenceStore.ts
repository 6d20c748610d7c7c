import type { Awareness } from 'y-protocols/awareness'
import { readCollaborators, type Collaborator } from './awarenessState.ts'

type Listener = () => void
const NOBODY: readonly Collaborator[] = Object.freeze([])

/**
 * Who else is in which segment, from the document's awareness. Remote carets move on every
 * keystroke, so each segment keeps its own list and is notified only when that list changes.
 */
export class PresenceStore {
  private bySegment = new Map<string, readonly Collaborator[]>()
  private everyone: readonly Collaborator[] = NOBODY
  private readonly segmentListeners = new Map<string, Set<Listener>>()
  private readonly everyoneListeners = new Set<Listener>()

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.refresh)
    this.refresh()
  }

  destroy(): void {
    this.awareness.off('change', this.refresh)
  }

  collaboratorsIn(segmentId: string): readonly Collaborator[] {
    return this.bySegment.get(segmentId) ?? NOBODY
  }

  collaborators(): readonly Collaborator[] {
    return this.everyone
  }

  /** The name of a user who is in the document now (any segment or none), else null. */
  nameOf(userId: string | null): string | null {
    if (userId === null) return null
    return this.everyone.find((collaborator) => collaborator.id === userId)?.name ?? null
  }

  subscribeSegment(segmentId: string, listener: Listener): () => void {
    let listeners = this.segmentListeners.get(segmentId)
    if (listeners === undefined) {
      listeners = new Set()
      this.segmentListeners.set(segmentId, listeners)
    }
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0) this.segmentListeners.delete(segmentId)
    }
  }

  subscribe(listener: Listener): () => void {
    this.everyoneListeners.add(listener)
    return () => this.everyoneListeners.delete(listener)
  }

  private readonly refresh = (): void => {
    const collaborators = readCollaborators(
      this.awareness.getStates() as Map<number, Record<string, unknown>>,
      this.awareness.clientID,
    )
    const next = new Map<string, Collaborator[]>()
    for (const collaborator of collaborators) {
      if (collaborator.segmentId === null) continue
      const list = next.get(collaborator.segmentId) ?? []
      list.push(collaborator)
      next.set(collaborator.segmentId, list)
    }
    const changed = new Set<string>()
    const bySegment = new Map<string, readonly Collaborator[]>()
    for (const segmentId of new Set([...this.bySegment.keys(), ...next.keys()])) {
      const before = this.bySegment.get(segmentId) ?? NOBODY
      const after = next.get(segmentId) ?? NOBODY
      if (signature(before) === signature(after)) {
        if (before.length > 0) bySegment.set(segmentId, before)
      } else {
        changed.add(segmentId)
        if (after.length > 0) bySegment.set(segmentId, after)
      }
    }
    this.bySegment = bySegment
    const everyoneChanged = signature(this.everyone) !== signature(collaborators)
    if (everyoneChanged) this.everyone = collaborators
    for (const segmentId of changed)
      for (const listener of this.segmentListeners.get(segmentId) ?? []) listener()
    if (everyoneChanged) for (const listener of this.everyoneListeners) listener()
  }
}

function signature(collaborators: readonly Collaborator[]): string {
  return collaborators.map((c) => `${c.clientId}:${c.name}:${c.color}:${c.segmentId}`).join('|')
}
