import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type * as Y from 'yjs'
import { getSegment, segmentAt, segmentId, setTargetText, targetText } from '@qalam/shared/model'
import { createSharedProviderFactory } from '../../client/editor/sharedProvider.ts'
import type { Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'

// The editor of each segment gets its provider from this factory; the document's one socket
// must survive editors mounting and unmounting as the user moves between segments.
describe('shared provider factory', () => {
  let server: TestServer
  let client: SyncClient
  let documentId: string
  let translator: Session

  beforeEach(async () => {
    server = await startTestServer()
    const workspace = await createWorkspace(server)
    documentId = (await workspace.importDocument({ bytes: 'Один. Два. Три.', targetLang: 'ar' })).id
    translator = await workspace.member('translator')
    client = connectClient(server.url, documentId, translator)
    // The server relays only states that name the connection's own user.
    client.provider.awareness.setLocalState({
      user: { id: translator.user.id, name: 'Aigerim', color: '#1f77b4' },
      segmentId: 'segment-1',
    })
    await client.synced()
  })

  afterEach(async () => {
    client.destroy()
    await server.dispose()
  })

  test('connect and disconnect of segment editors leave the document socket open', async () => {
    const socket = client.provider.ws
    const factory = createSharedProviderFactory(client.provider, client.doc)
    const docMap = new Map<string, Y.Doc>()
    for (const segmentId of ['a', 'b', 'c']) {
      const editorProvider = factory(segmentId, docMap)
      await editorProvider.connect()
      editorProvider.disconnect()
    }
    expect(client.provider.wsconnected).toBe(true)
    expect(client.provider.ws).toBe(socket)
    expect(client.provider.shouldConnect).toBe(true)
    expect([...docMap.values()].every((doc) => doc === client.doc)).toBe(true)

    // Still live: a peer sees an update made after all those editors came and went.
    const peer = connectClient(server.url, documentId, translator)
    await peer.synced()
    const first = segmentId(segmentAt(client.doc, 0)!)
    setTargetText(client.doc, first, 'واحد.', translator.user.id)
    await waitFor(() => expect(targetText(getSegment(peer.doc, first)!)).toBe('واحد.'))
    peer.destroy()
  })

  test('the caret state an editor writes keeps our presence fields, and disconnect clears the caret', () => {
    const editorProvider = createSharedProviderFactory(client.provider, client.doc)('a', new Map())
    editorProvider.awareness.setLocalState({
      anchorPos: null,
      focusPos: null,
      focusing: true,
      name: 'Aigerim',
      color: '#1f77b4',
      awarenessData: {},
    })
    expect(client.provider.awareness.getLocalState()).toMatchObject({
      user: { id: translator.user.id, name: 'Aigerim' },
      segmentId: 'segment-1',
      focusing: true,
    })
    editorProvider.disconnect()
    expect(client.provider.awareness.getLocalState()).toMatchObject({
      user: { id: translator.user.id },
      segmentId: 'segment-1',
      focusing: false,
      anchorPos: null,
      focusPos: null,
    })
  })

  test('editors hear the document provider’s status and sync events through their view', () => {
    const editorProvider = createSharedProviderFactory(client.provider, client.doc)('a', new Map())
    const heard: boolean[] = []
    const onSync = (isSynced: boolean) => heard.push(isSynced)
    editorProvider.on('sync', onSync)
    client.provider.emit('sync', [true])
    editorProvider.off('sync', onSync)
    client.provider.emit('sync', [true])
    expect(heard).toEqual([true])
  })
})
