import { afterAll, beforeAll, expect, test } from 'vitest'
import { databaseFile } from '../../server/config.ts'
import type { Session } from '../support/accounts.ts'
import { awarenessMessage } from '../support/awarenessMessage.ts'
import { upgradeWithFrames } from '../support/rawUpgrade.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { connectClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

/*
 * Issue 8, defect 1: an awareness state nested 5,000 deep made JSON.stringify throw outside
 * any try, and the process exit; sent in the same TCP write as the upgrade it was read before
 * the session was even checked. The server runs as its own process, so an exit shows.
 */

const DEPTH = 5000

let dir: TempDir
let server: ServerProcess
let documentId: string
let translator: Session

beforeAll(async () => {
  dir = await makeTempDir('qalam-awareness-')
  server = await spawnServer({ DATA_DIR: dir.path })
  const workspace = await createWorkspace({ url: server.url, databaseFile: databaseFile(dir.path) })
  documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES })).id
  translator = await workspace.member('translator')
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await dir?.remove()
})

function awarenessFrame(json: string): Uint8Array {
  return awarenessMessage([{ clientId: 77, clock: 1, json }])
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

async function expectServing(): Promise<void> {
  expect(server.child.exitCode).toBeNull()
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  const client = connectClient(server.url, documentId, translator)
  await client.synced()
  client.destroy()
}

test('an awareness state nested 5,000 deep, in the upgrade’s own TCP write, without a session, leaves the process serving', async () => {
  const outcome = await upgradeWithFrames(server.url, documentId, [awarenessFrame(nested(DEPTH))])
  expect(outcome).toMatchObject({ closeCode: 4401 })
  await expectServing()
})

test('an awareness state nested 5,000 deep from a signed-in member closes that socket only', async () => {
  const outcome = await upgradeWithFrames(
    server.url,
    documentId,
    [awarenessFrame(nested(DEPTH))],
    translator.cookie,
  )
  expect(outcome).toMatchObject({ closeCode: 4400, closeReason: 'awareness_invalid' })
  await expectServing()
})

test('a small awareness state holding a deep value is refused by its shape, never walked', async () => {
  const deepField = `{"user":{"id":"x","name":${nested(1500)},"color":"#fff"}}`
  const outcome = await upgradeWithFrames(
    server.url,
    documentId,
    [awarenessFrame(deepField)],
    translator.cookie,
  )
  expect(outcome).toMatchObject({ closeCode: 4400, closeReason: 'awareness_invalid' })
  await expectServing()
})
