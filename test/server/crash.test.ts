import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readSegments } from '@qalam/shared/model'
import { databaseFile } from '../../server/config.ts'
import { login, type Session } from '../support/accounts.ts'
import { docState } from '../support/docState.ts'
import { applyRandomEdit } from '../support/randomEdits.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

const EDITORS = 20
/** Kill once the observer has seen this many broadcast updates: past a compaction (every 500). */
const UPDATES_BEFORE_KILL = 800

let dir: TempDir | null = null
let server: ServerProcess | null = null
const clients: SyncClient[] = []
const timers: NodeJS.Timeout[] = []

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer)
  for (const client of clients.splice(0)) client.destroy()
  await server?.stop()
  server = null
  await dir?.remove()
  dir = null
})

function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  let changed = false
  const onUpdate = () => (changed = true)
  doc.on('update', onUpdate)
  Y.applyUpdate(doc, update)
  doc.off('update', onUpdate)
  return !changed
}

test(
  'kill -9 during a 20-client edit storm loses nothing any client was sent, and all converge',
  {
    // Generous: on a loaded 2-core machine the storm's 800 judged, stored updates take minutes.
    timeout: 300_000,
  },
  async () => {
    dir = await makeTempDir('qalam-crash-')
    server = await spawnServer({ DATA_DIR: dir.path })
    const { port, url } = server
    const workspace = await createWorkspace({ url, databaseFile: databaseFile(dir.path) })
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
    const translators: Session[] = []
    for (let i = 0; i < EDITORS; i++) translators.push(await workspace.member('translator'))

    const observer = connectClient(url, id, workspace.admin)
    clients.push(observer)
    let broadcastsSeen = 0
    observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) broadcastsSeen++
    })
    await observer.synced()

    const editors = translators.map((translator) => connectClient(url, id, translator))
    clients.push(...editors)
    await Promise.all(editors.map((editor) => editor.synced()))
    editors.forEach((editor, index) => {
      const random = seededRandom(1000 + index)
      const userId = translators[index]!.user.id
      timers.push(setInterval(() => applyRandomEdit(editor.doc, random, userId), 8))
    })

    await waitFor(() => expect(broadcastsSeen).toBeGreaterThanOrEqual(UPDATES_BEFORE_KILL), {
      timeoutMs: 180_000,
    })
    await server.kill9()
    // Everything the observer holds came from the server before it died.
    const seen = Y.encodeStateAsUpdate(observer.doc)
    const seenStateVector = Y.decodeStateVector(Y.encodeStateVector(observer.doc))
    observer.provider.disconnect()

    // What survived on disk, read before any client can reconnect and upload its edits again.
    const stored = readStoredDocument(databaseFile(dir.path), id)
    const storedStateVector = Y.decodeStateVector(Y.encodeStateVector(stored))
    for (const [client, clock] of seenStateVector) {
      expect(storedStateVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock)
    }
    expect(addsNothing(stored, seen)).toBe(true)

    server = await spawnServer({ DATA_DIR: dir.path, PORT: port })
    // Sessions live in the database, so the editors' cookies still work after the restart.
    const verifier = connectClient(url, id, await login(url, workspace.admin.user.username))
    clients.push(verifier)
    await verifier.synced()
    expect(addsNothing(verifier.doc, seen)).toBe(true)

    // The editors' providers reconnect by themselves and send what they edited meanwhile.
    await waitFor(() => expect(editors.every((editor) => editor.provider.synced)).toBe(true), {
      timeoutMs: 30_000,
    })
    for (const timer of timers.splice(0)) clearInterval(timer)

    // Deletions included: the storm's last edits may be deletions still on their way to some
    // editors, and an update that only deletes moves no state vector.
    await waitFor(
      () => {
        const reference = docState(verifier.doc)
        for (const editor of editors) expect(docState(editor.doc)).toEqual(reference)
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    )
    const segments = readSegments(verifier.doc)
    for (const editor of editors) expect(readSegments(editor.doc)).toEqual(segments)
    expect(addsNothing(verifier.doc, seen)).toBe(true)
  },
)
