import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { postImport, type ImportRequest } from '../support/documentsApi.ts'
import { forgeRightOrigin } from '../support/forgedUpdate.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { countLoggedUpdates, storedContent } from '../support/storedDocument.ts'
import { connectClient, openRawSocket, type SyncClient } from '../support/syncClient.ts'
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

async function listIds(url: string, session: Session): Promise<string[]> {
  const response = await fetch(`${url}/api/documents`, { headers: asUser(session) })
  const { documents } = (await response.json()) as { documents: Array<{ id: string }> }
  return documents.map((d) => d.id)
}

describe('bad imports change nothing stored', () => {
  const LIMIT = 2000
  const cases: Array<[string, ImportRequest, number, string]> = [
    [
      'a file that is not UTF-8',
      { bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e]) },
      400,
      'import.not_utf8',
    ],
    [
      'a binary file',
      { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49]) },
      400,
      'import.binary',
    ],
    ['an empty file', { bytes: new Uint8Array([]) }, 400, 'import.empty'],
    ['a file of whitespace only', { bytes: ' \n\n\t \r\n ' }, 400, 'import.no_segments'],
    [
      'a file over the size limit',
      { bytes: 'Очень длинный текст. '.repeat(200) },
      413,
      'import.too_large',
    ],
    [
      'a file whose declared size is far over the limit',
      { bytes: new Uint8Array(300_000).fill(0x61) },
      413,
      'import.too_large',
    ],
    [
      'an unknown language code',
      { bytes: 'Текст.', sourceLang: 'xx' },
      400,
      'import.unknown_language',
    ],
    [
      'a malformed language tag',
      { bytes: 'Текст.', targetLang: 'not a tag!' },
      400,
      'import.unknown_language',
    ],
    [
      'a missing source language',
      { bytes: 'Текст.', sourceLang: undefined },
      400,
      'request.invalid',
    ],
    [
      'a missing target language',
      { bytes: 'Текст.', targetLang: undefined },
      400,
      'request.invalid',
    ],
  ]

  test.each(cases)('refuses %s', async (_name, request, status, code) => {
    server = await startTestServer({ maxUploadBytes: LIMIT })
    const { admin, projectId, importDocument } = await createWorkspace(server)
    await importDocument({ bytes: 'Уже есть документ.' })
    const before = {
      ids: await listIds(server.url, admin),
      bytes: storedContent(server.databaseFile),
    }

    const response = await postImport(server.url, {
      session: admin,
      projectId,
      sourceLang: 'ru',
      targetLang: 'kk',
      ...request,
    })
    expect(response.status).toBe(status)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(body.error.message).toEqual(expect.any(String))

    expect(await listIds(server.url, admin)).toEqual(before.ids)
    expect(storedContent(server.databaseFile)).toEqual(before.bytes)
  })

  test('refuses a form without a file, and a body that is not a form', async () => {
    server = await startTestServer()
    const { admin, projectId } = await createWorkspace(server)
    const before = storedContent(server.databaseFile)
    const form = new FormData()
    form.append('projectId', projectId)
    form.append('sourceLang', 'ru')
    form.append('targetLang', 'kk')
    const noFile = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: form,
      headers: asUser(admin),
    })
    expect(noFile.status).toBe(400)
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe(
      'import.missing_file',
    )

    const json = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: asUser(admin, { 'content-type': 'application/json' }),
      body: '{"file":"x"}',
    })
    expect(json.status).toBe(400)
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('request.invalid')
    expect(await listIds(server.url, admin)).toEqual([])
    expect(storedContent(server.databaseFile)).toEqual(before)
  })
})

describe('bad WebSocket input', () => {
  test('closes a socket for an unknown document with 4404 before any sync', async () => {
    server = await startTestServer()
    const { admin } = await createWorkspace(server)
    const socket = openRawSocket(server.url, 'no-such-document', admin)
    expect((await socket.closed).code).toBe(4404)
    expect(socket.received).toEqual([])
  })

  test('closes sockets that send bad bytes with 4400, stores nothing, and keeps serving others', async () => {
    server = await startTestServer()
    const workspace = await createWorkspace(server)
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
    const translator = await workspace.member('translator')
    const b = connectClient(server.url, id, translator)
    const c = connectClient(server.url, id, translator)
    clients.push(b, c)
    await Promise.all([b.synced(), c.synced()])
    const segmentId = readSegments(b.doc)[0]!.id

    // A genuine update message from a client that edited the document, to cut short.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(b.doc))
    const base = Y.encodeStateVector(forger)
    setTargetText(forger, segmentId, 'never stored', 'forger')
    const update = Y.encodeStateAsUpdate(forger, base)
    const updateMessage = updateMessageOf(update)
    const random = seededRandom(7)

    const payloads: Array<Uint8Array | string> = [
      Uint8Array.from({ length: 64 }, () => Math.floor(random() * 256)),
      updateMessage.subarray(0, Math.floor(updateMessage.length / 2)),
      // Readable bytes, but an update Yjs would throw on halfway through applying.
      updateMessageOf(forgeRightOrigin(5)),
      new Uint8Array([7, 1, 2]),
      new Uint8Array([0x80]),
      'a text frame',
    ]
    const logged = countLoggedUpdates(server.databaseFile, id)
    for (const payload of payloads) {
      const raw = openRawSocket(server.url, id, translator)
      await raw.opened
      raw.socket.send(payload)
      expect((await raw.closed).code).toBe(4400)
    }
    expect(countLoggedUpdates(server.databaseFile, id)).toBe(logged)
    expect(readSegments(c.doc)[0]!.target).toBe('')
    const closedLogs = server.logs.filter((entry) => entry.event === 'sync.connection_closed')
    expect(closedLogs.map((entry) => entry.code)).toEqual(payloads.map(() => 4400))

    setTargetText(b.doc, segmentId, 'still syncing', translator.user.id)
    await waitFor(() => expect(readSegments(c.doc)[0]!.target).toBe('still syncing'))
    expect(b.provider.wsconnected && c.provider.wsconnected).toBe(true)
  })

  test('closes a socket that sends a message over the size limit with 1009', async () => {
    server = await startTestServer({ maxMessageBytes: 4096 })
    const workspace = await createWorkspace(server)
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
    const raw = openRawSocket(server.url, id, await workspace.member('translator'))
    await raw.opened
    const big = new Y.Doc()
    big.getText('t').insert(0, 'x'.repeat(10_000))
    const update = Y.encodeStateAsUpdate(big)
    raw.socket.send(updateMessageOf(update))
    expect((await raw.closed).code).toBe(1009)
    expect(countLoggedUpdates(server.databaseFile, id)).toBe(0)
    expect(server.logs.filter((entry) => entry.event === 'sync.socket_error')).toHaveLength(1)
  })
})

/** A y-websocket Sync/Update message around `update`. */
function updateMessageOf(update: Uint8Array): Uint8Array {
  return new Uint8Array([0, 2, ...encodeVarUint(update.length), ...update])
}

function encodeVarUint(value: number): number[] {
  const bytes: number[] = []
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80)
    value >>>= 7
  }
  bytes.push(value)
  return bytes
}
