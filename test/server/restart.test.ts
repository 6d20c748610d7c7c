import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readMeta, readSegments, setTargetText } from '@qalam/shared/model'
import { login } from '../support/accounts.ts'
import { docState } from '../support/docState.ts'
import { applyRandomEdit } from '../support/randomEdits.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

test.each([
  ['after its room was unloaded', { compactEveryUpdates: 500 }],
  ['with the log compacted along the way', { compactEveryUpdates: 7 }],
])('a document survives a server restart byte for byte %s', async (_name, config) => {
  server = await startTestServer(config)
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'ar' })
  const translatorA = await workspace.member('translator')
  const translatorB = await workspace.member('translator')
  const a = connectClient(server.url, id, translatorA)
  const b = connectClient(server.url, id, translatorB)
  clients.push(a, b)
  await Promise.all([a.synced(), b.synced()])
  const randomA = seededRandom(1)
  const randomB = seededRandom(2)
  for (let i = 0; i < 60; i++) {
    applyRandomEdit(a.doc, randomA, translatorA.user.id)
    applyRandomEdit(b.doc, randomB, translatorB.user.id)
  }
  // Deletions included: either's last random edit may delete letters only, which moves no
  // state vector, and `before` is read from a alone.
  await waitFor(() => expect(docState(a.doc)).toEqual(docState(b.doc)))
  const before = {
    segments: readSegments(a.doc),
    meta: readMeta(a.doc),
    stateVector: Y.encodeStateVector(a.doc),
  }
  for (const client of clients.splice(0)) client.destroy()

  await server.close()
  server = await server.restart(config)
  const fresh = connectClient(server.url, id, await login(server.url, translatorA.user.username))
  clients.push(fresh)
  await fresh.synced()
  expect(readSegments(fresh.doc)).toEqual(before.segments)
  expect(readMeta(fresh.doc)).toEqual(before.meta)
  expect(Y.encodeStateVector(fresh.doc)).toEqual(before.stateVector)
})

test('clients connected through a graceful restart reconnect by themselves and send what they edited meanwhile', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
  const translator = await workspace.member('translator')
  const editor = connectClient(server.url, id, translator)
  clients.push(editor)
  await editor.synced()
  const closeCodes: number[] = []
  editor.provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  const segmentId = readSegments(editor.doc)[2]!.id

  const port = server.port
  await server.close()
  // Going away; the reconnects that fail until the restart (1006) may follow on a busy machine.
  await waitFor(() => expect(closeCodes[0]).toBe(1001))
  setTargetText(editor.doc, segmentId, 'Сервер өшіп тұрғанда жазылды', translator.user.id)

  server = await server.restart({ port })
  await waitFor(() => expect(editor.provider.synced).toBe(true))
  const reader = connectClient(server.url, id, translator)
  clients.push(reader)
  await waitFor(() =>
    expect(readSegments(reader.doc)[2]!.target).toBe('Сервер өшіп тұрғанда жазылды'),
  )
})
