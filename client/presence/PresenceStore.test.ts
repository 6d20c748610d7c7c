import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { PresenceStore } from './PresenceStore.ts'

function peer(name: string, segmentId: string | null) {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({ user: { id: `id-${name}`, name, color: '#1f77b4' }, segmentId })
  return awareness
}

/** Copies a remote client's awareness state into ours, as the provider does on a message. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')
}

describe('PresenceStore', () => {
  test('lists other users by the segment their caret is in, never the local user', () => {
    const local = peer('Aigerim', 'segment-1')
    const omar = peer('Omar', 'segment-1')
    const store = new PresenceStore(local)
    relay(omar, local)
    expect(store.collaboratorsIn('segment-1').map((c) => c.name)).toEqual(['Omar'])
    expect(store.collaborators().map((c) => c.name)).toEqual(['Omar'])
  })

  test('notifies a segment only when who is in it changes, not on every caret move', () => {
    const local = peer('Aigerim', null)
    const omar = peer('Omar', 'segment-1')
    const store = new PresenceStore(local)
    const notified: string[] = []
    store.subscribeSegment('segment-1', () => notified.push('segment-1'))
    store.subscribeSegment('segment-2', () => notified.push('segment-2'))

    relay(omar, local)
    expect(notified).toEqual(['segment-1'])
    const before = store.collaboratorsIn('segment-1')

    omar.setLocalStateField('anchorPos', { caret: 3 })
    relay(omar, local)
    expect(notified).toEqual(['segment-1'])
    expect(store.collaboratorsIn('segment-1')).toBe(before)

    omar.setLocalStateField('segmentId', 'segment-2')
    relay(omar, local)
    expect(notified).toEqual(['segment-1', 'segment-1', 'segment-2'])
    expect(store.collaboratorsIn('segment-1')).toEqual([])
    expect(store.collaboratorsIn('segment-2').map((c) => c.name)).toEqual(['Omar'])
  })

  test('ignores states without our presence fields', () => {
    const local = peer('Aigerim', null)
    const stranger = new Awareness(new Y.Doc())
    stranger.setLocalState({ name: 'Lexical only', anchorPos: null })
    const store = new PresenceStore(local)
    relay(stranger, local)
    expect(store.collaborators()).toEqual([])
  })
})
