import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  findRepetitions,
  propagateTranslation,
  readSegments,
  setStatus,
  segmentAt,
  setTargetTagged,
  setTargetText,
  targetTagged,
  userOrigin,
} from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

// Four paragraphs, three of them the same sentence.
const REPEATED = 'Опись фонда.\n\nОпись фонда.\n\nКраткое описание.\n\nОпись фонда.\n'

async function setup() {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: REPEATED })
  const translator = await workspace.member('translator', 'aigerim')
  const reviewer = await workspace.member('reviewer', 'saule')
  return { server, documentId: id, translator, reviewer }
}

async function join(documentId: string, session: Session): Promise<SyncClient> {
  const client = connectClient(server!.url, documentId, session)
  clients.push(client)
  await client.synced()
  return client
}

const origin = (session: Session) => userOrigin(session.user.id) as { kind: 'user'; userId: string }

test("a translator's propagation to two repetitions is accepted as one update and stored", async () => {
  const { server, documentId, translator, reviewer } = await setup()
  const translating = await join(documentId, translator)
  const watching = await join(documentId, reviewer)
  const [first, second, , fourth] = readSegments(translating.doc).map((segment) => segment.id)
  setTargetText(translating.doc, first!, 'Қор тізімдемесі.', translator.user.id)
  setStatus(translating.doc, first!, 'translated', translator.user.id)
  const closes: number[] = []
  translating.provider.on('connection-close', (event) => event && closes.push(event.code))

  expect(findRepetitions(translating.doc, first!, { differingOnly: true })).toEqual([
    second,
    fourth,
  ])
  propagateTranslation(translating.doc, first!, [second!, fourth!], origin(translator))

  await waitFor(() =>
    expect(readSegments(watching.doc).map((s) => [s.target, s.status])).toEqual([
      ['Қор тізімдемесі.', 'translated'],
      ['Қор тізімдемесі.', 'translated'],
      ['', 'new'],
      ['Қор тізімдемесі.', 'translated'],
    ]),
  )
  const stored = readSegments(readStoredDocument(server.databaseFile, documentId))
  expect(stored.map((s) => s.status)).toEqual(['translated', 'translated', 'new', 'translated'])
  expect(stored[3]).toMatchObject({ target: 'Қор тізімдемесі.', updatedBy: translator.user.id })
  expect(closes).toEqual([])
})

test('a propagation that also writes a segment approved meanwhile is refused whole, and nothing of it is stored', async () => {
  const { server, documentId, translator, reviewer } = await setup()
  const translating = await join(documentId, translator)
  const reviewing = await join(documentId, reviewer)
  const [first, second, , fourth] = readSegments(translating.doc).map((segment) => segment.id)
  setTargetText(translating.doc, first!, 'Қор тізімдемесі.', translator.user.id)
  await waitFor(() => expect(readSegments(reviewing.doc)[0]!.target).toBe('Қор тізімдемесі.'))
  // A client that had not yet heard of the approval builds the propagation over both...
  const stale = new Y.Doc()
  Y.applyUpdate(stale, Y.encodeStateAsUpdate(translating.doc))
  propagateTranslation(stale, first!, [second!, fourth!], origin(translator))
  // ...while the reviewer approves the fourth segment, and the translator's client gets that.
  setStatus(reviewing.doc, fourth!, 'approved', reviewer.user.id)
  await waitFor(() => expect(readSegments(translating.doc)[3]!.status).toBe('approved'))
  const closes: { code: number; reason: string }[] = []
  translating.provider.on(
    'connection-close',
    (event) => event && closes.push({ code: event.code, reason: event.reason }),
  )

  Y.applyUpdate(translating.doc, Y.encodeStateAsUpdate(stale, Y.encodeStateVector(translating.doc)))

  // Which of the two concurrent status writes Yjs keeps depends on the client ids: when the
  // stale one wins it would move approved -> translated (status_transition), else it edits an
  // approved segment (segment_locked). Refused whole either way.
  await waitFor(() => expect(closes[0]?.code).toBe(4403))
  expect(['segment_locked', 'status_transition']).toContain(closes[0]!.reason)
  const stored = readSegments(readStoredDocument(server.databaseFile, documentId))
  expect(stored.map((s) => [s.target, s.status])).toEqual([
    ['Қор тізімдемесі.', 'draft'],
    ['', 'new'],
    ['', 'new'],
    ['', 'approved'],
  ])
  expect(readSegments(reviewing.doc)[1]).toMatchObject({ target: '', status: 'new' })
})

// Three units with the same source holding a bold run: the repetitions carry the same tags.
const TAGGED_XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="f.html" source-language="ru" target-language="kk" datatype="html">
    <body>
${[1, 2, 3]
  .map(
    (n) =>
      `      <trans-unit id="u${n}"><source><g id="1" ctype="bold">Опись</g> фонда.</source></trans-unit>`,
  )
  .join('\n')}
    </body>
  </file>
</xliff>
`

test('a propagated target with tag chips is accepted and stored with its tags', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const { id: documentId } = await workspace.importDocument({
    bytes: TAGGED_XLIFF,
    fileName: 'tagged.xlf',
    targetLang: 'kk',
  })
  const translator = await workspace.member('translator', 'aigerim')
  const reviewer = await workspace.member('reviewer', 'saule')
  const translating = await join(documentId, translator)
  const watching = await join(documentId, reviewer)
  const [first, second, third] = readSegments(translating.doc).map((segment) => segment.id)
  const tagged = {
    text: 'Қор тізімдемесі.',
    tags: [
      { kind: 'open' as const, n: 1, offset: 0 },
      { kind: 'close' as const, n: 1, offset: 3 },
    ],
  }
  setTargetTagged(translating.doc, first!, tagged, translator.user.id)
  setStatus(translating.doc, first!, 'translated', translator.user.id)
  const closes: number[] = []
  translating.provider.on('connection-close', (event) => event && closes.push(event.code))
  propagateTranslation(translating.doc, first!, [second!, third!], origin(translator))

  await waitFor(() =>
    expect(readSegments(watching.doc).map((segment) => segment.status)).toEqual([
      'translated',
      'translated',
      'translated',
    ]),
  )
  const stored = readStoredDocument(server.databaseFile, documentId)
  for (const index of [0, 1, 2]) {
    expect(targetTagged(segmentAt(stored, index)!)).toEqual(tagged)
    expect(targetTagged(segmentAt(watching.doc, index)!)).toEqual(tagged)
  }
  expect(closes).toEqual([])
})
