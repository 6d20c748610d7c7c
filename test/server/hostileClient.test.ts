import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  META_KEYS,
  SEGMENT_KEYS,
  metaMap,
  readMeta,
  readSegments,
  segmentAt,
  segmentsArray,
  setStatus,
  setTargetText,
} from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { connectRawPeer } from '../support/rawSyncPeer.ts'
import {
  countLoggedUpdates,
  readStoredDocument,
  readStoredProgress,
  storedContent,
} from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

/*
 * A translator's session in the hands of a client that crafts its own Yjs updates. Each
 * attempt must be refused whole: closed with 4403 and the rule it broke, nothing stored,
 * nothing relayed, and the document goes on serving the honest clients.
 */

const APPROVED = 3

let server: TestServer
let documentId: string
let translator: Session
let honest: SyncClient
let observer: SyncClient

function snapshot(doc: Y.Doc) {
  return { segments: readSegments(doc), meta: readMeta(doc), vector: Y.encodeStateVector(doc) }
}

beforeAll(async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES })).id
  translator = await workspace.member('translator')
  const reviewer = await workspace.member('reviewer')
  const observerSession = await workspace.member('translator')

  // A reviewer approves one segment, so that editing an approved segment can be tried.
  const approver = connectClient(server.url, documentId, reviewer)
  await approver.synced()
  const approvedId = readSegments(approver.doc)[APPROVED]!.id
  setTargetText(approver.doc, approvedId, 'Бекітілген аударма.', reviewer.user.id)
  setStatus(approver.doc, approvedId, 'approved', reviewer.user.id)
  honest = connectClient(server.url, documentId, translator)
  observer = connectClient(server.url, documentId, observerSession)
  await Promise.all([honest.synced(), observer.synced()])
  await waitFor(() => expect(readSegments(observer.doc)[APPROVED]!.status).toBe('approved'))
  // The room saves progress a moment after a change; let it, so the file is quiet from here.
  await waitFor(() =>
    expect(readStoredProgress(server.databaseFile, documentId)).toMatchObject({
      byStatus: { approved: 1 },
    }),
  )
  approver.destroy()
}, 60_000)

afterAll(async () => {
  honest?.destroy()
  observer?.destroy()
  await server?.dispose()
})

const segment = (doc: Y.Doc, index: number) => segmentAt(doc, index)!
const idOf = (doc: Y.Doc, index: number) => readSegments(doc)[index]!.id

const ATTEMPTS: Array<[string, string, (doc: Y.Doc) => void]> = [
  [
    'modifies a source',
    'immutable_field',
    (doc) => segment(doc, 0).set(SEGMENT_KEYS.source, 'Подмена.'),
  ],
  [
    'approves a segment',
    'status_transition',
    (doc) => setStatus(doc, idOf(doc, 1), 'approved', translator.user.id),
  ],
  [
    'edits an approved segment',
    'segment_locked',
    (doc) => setTargetText(doc, idOf(doc, APPROVED), 'Переписано.', translator.user.id),
  ],
  ['deletes segments', 'segment_deleted', (doc) => segmentsArray(doc).delete(0, 2)],
  [
    'inserts a segment',
    'segment_inserted',
    (doc) => segmentsArray(doc).insert(1, [new Y.Map<unknown>()]),
  ],
  ['adds a top-level type', 'unknown_root', (doc) => doc.getMap('payload').set('x', 1)],
  ['writes meta', 'meta_write', (doc) => metaMap(doc).set(META_KEYS.title, 'Другое название')],
  [
    'writes a review note',
    'reviewer_only',
    (doc) => segment(doc, 2).set(SEGMENT_KEYS.reviewNote, 'Я сам себе рецензент.'),
  ],
  [
    'signs an edit with someone else’s id',
    'forged_author',
    (doc) => setTargetText(doc, idOf(doc, 4), 'Чужое имя.', 'someone-else'),
  ],
]

describe('a hostile client with a translator’s session', () => {
  test.each(ATTEMPTS)('is refused when it %s (%s)', async (_name, rule, craft) => {
    const before = {
      bytes: storedContent(server.databaseFile),
      logged: countLoggedUpdates(server.databaseFile, documentId),
      stored: snapshot(readStoredDocument(server.databaseFile, documentId)),
      observed: snapshot(observer.doc),
    }
    const hostile = connectRawPeer(server.url, documentId, translator)
    await hostile.synced
    hostile.send(craft)
    const closed = await hostile.raw.closed
    expect(closed).toEqual({ code: 4403, reason: rule })
    hostile.close()

    expect(storedContent(server.databaseFile)).toEqual(before.bytes)
    expect(countLoggedUpdates(server.databaseFile, documentId)).toBe(before.logged)
    expect(snapshot(readStoredDocument(server.databaseFile, documentId))).toEqual(before.stored)
    expect(snapshot(observer.doc)).toEqual(before.observed)
    const rejections = server.logs.filter((entry) => entry.event === 'sync.update_rejected')
    expect(rejections.at(-1)).toMatchObject({ reason: rule, userId: translator.user.id })
  })

  test('after all that, honest clients still edit and see each other', async () => {
    const id = idOf(honest.doc, 5)
    setTargetText(honest.doc, id, 'Адал аударма.', translator.user.id)
    setStatus(honest.doc, id, 'translated', translator.user.id)
    await waitFor(() =>
      expect(readSegments(observer.doc)[5]).toMatchObject({
        target: 'Адал аударма.',
        status: 'translated',
      }),
    )
    await waitFor(() =>
      expect(readSegments(readStoredDocument(server.databaseFile, documentId))[5]!.target).toBe(
        'Адал аударма.',
      ),
    )
    expect(honest.provider.wsconnected && observer.provider.wsconnected).toBe(true)
  })
})
