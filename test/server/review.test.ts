import { afterEach, expect, test } from 'vitest'
import { readSegments, rejectSegment, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
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

interface AuditEntry {
  id: number
  at: number
  userId: string
  username: string
  projectId: string
  documentId: string | null
  segmentId: string | null
  action: string
  detail: Record<string, unknown>
}

async function setup() {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
  const translator = await workspace.member('translator', 'aigerim')
  const reviewer = await workspace.member('reviewer', 'saule')
  const viewer = await workspace.member('viewer', 'omar')
  return { server, workspace, documentId: id, translator, reviewer, viewer }
}

async function join(documentId: string, session: Session): Promise<SyncClient> {
  const client = connectClient(server!.url, documentId, session)
  clients.push(client)
  await client.synced()
  return client
}

async function getJson<T>(path: string, session: Session): Promise<T> {
  const response = await fetch(server!.url + path, { headers: asUser(session) })
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

test('a reviewer approves one segment and rejects another with a reason; the audit log says who, when and why', async () => {
  const { documentId, translator, reviewer, workspace } = await setup()
  const translating = await join(documentId, translator)
  const reviewing = await join(documentId, reviewer)
  const [first, second] = readSegments(translating.doc).map((segment) => segment.id)
  const startedAt = Date.now()

  setTargetText(translating.doc, first!, 'Бірінші сөйлем.', translator.user.id)
  setStatus(translating.doc, first!, 'translated', translator.user.id)
  setTargetText(translating.doc, second!, 'Екінші сөйлем.', translator.user.id)
  setStatus(translating.doc, second!, 'translated', translator.user.id)
  await waitFor(() =>
    expect(
      readSegments(reviewing.doc)
        .slice(0, 2)
        .map((s) => s.status),
    ).toEqual(['translated', 'translated']),
  )

  const reason = 'Терминология: «архив» — мұрағат.'
  setStatus(reviewing.doc, first!, 'approved', reviewer.user.id)
  rejectSegment(reviewing.doc, second!, reason, reviewer.user.id)

  // Accepted: the translator sees the lock and the reason, and so does the store.
  await waitFor(() => {
    const [approved, rejected] = readSegments(translating.doc)
    expect(approved).toMatchObject({ status: 'approved', updatedBy: reviewer.user.id })
    expect(rejected).toMatchObject({ status: 'rejected', reviewNote: reason })
  })
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server!.databaseFile, documentId))
    expect(stored[1]).toMatchObject({ status: 'rejected', reviewNote: reason })
  })
  expect(reviewing.provider.wsconnected).toBe(true)

  const segmentAudit = (segmentId: string) =>
    getJson<{ entries: AuditEntry[] }>(
      `/api/documents/${documentId}/segments/${segmentId}/audit`,
      translator,
    )
  await waitFor(async () => {
    const { entries } = await segmentAudit(first!)
    expect(entries.map((entry) => [entry.action, entry.username])).toEqual([
      ['approve', 'saule'],
      ['status', 'aigerim'],
      ['status', 'aigerim'],
    ])
  })
  const approval = (await segmentAudit(first!)).entries[0]!
  expect(approval).toMatchObject({
    userId: reviewer.user.id,
    projectId: workspace.projectId,
    documentId,
    segmentId: first,
    // The number the grid shows, so the activity feed can name and link the segment.
    detail: { from: 'translated', to: 'approved', segmentNumber: 1 },
  })
  expect(approval.at).toBeGreaterThanOrEqual(startedAt)
  expect(approval.at).toBeLessThanOrEqual(Date.now())

  const rejection = (await segmentAudit(second!)).entries[0]!
  expect(rejection).toMatchObject({
    action: 'reject',
    username: 'saule',
    detail: { from: 'translated', to: 'rejected', reason, segmentNumber: 2 },
  })

  // The project's log has the workflow and the membership changes, newest first, in pages.
  const page = await getJson<{ entries: AuditEntry[]; next: number | null }>(
    `/api/projects/${workspace.projectId}/audit?limit=3`,
    translator,
  )
  expect(page.entries.map((entry) => entry.action)).toEqual(['reject', 'approve', 'status'])
  expect(page.next).toBe(page.entries[2]!.id)
  const rest = await getJson<{ entries: AuditEntry[]; next: number | null }>(
    `/api/projects/${workspace.projectId}/audit?limit=100&before=${page.next}`,
    translator,
  )
  expect(rest.next).toBeNull()
  expect(rest.entries.filter((entry) => entry.action === 'member.add')).toHaveLength(3)
  expect(rest.entries.find((entry) => entry.action === 'member.add')).toMatchObject({
    username: 'admin',
    segmentId: null,
    detail: { username: 'omar', role: 'viewer' },
  })
})

test('a translator picks a rejected segment back up as a draft, and only a reviewer reopens an approved one', async () => {
  const { documentId, translator, reviewer } = await setup()
  const translating = await join(documentId, translator)
  const reviewing = await join(documentId, reviewer)
  const id = readSegments(reviewing.doc)[0]!.id
  setTargetText(reviewing.doc, id, 'Аударма.', reviewer.user.id)
  rejectSegment(reviewing.doc, id, 'Қайта қараңыз.', reviewer.user.id)
  await waitFor(() => expect(readSegments(translating.doc)[0]!.status).toBe('rejected'))
  setStatus(translating.doc, id, 'draft', translator.user.id)
  await waitFor(() => expect(readSegments(reviewing.doc)[0]!.status).toBe('draft'))
  setStatus(reviewing.doc, id, 'approved', reviewer.user.id)
  await waitFor(() => expect(readSegments(translating.doc)[0]!.status).toBe('approved'))
  setStatus(reviewing.doc, id, 'draft', reviewer.user.id)
  await waitFor(() => expect(readSegments(translating.doc)[0]!.status).toBe('draft'))

  const { entries } = await getJson<{ entries: AuditEntry[] }>(
    `/api/documents/${documentId}/segments/${id}/audit`,
    translator,
  )
  expect(entries.map((entry) => [entry.action, entry.detail.from, entry.detail.to])).toEqual([
    ['reopen', 'approved', 'draft'],
    ['approve', 'draft', 'approved'],
    ['status', 'rejected', 'draft'],
    ['reject', 'draft', 'rejected'],
    ['status', 'new', 'draft'],
  ])
})

test('a viewer’s updates are dropped and the viewer stays connected', async () => {
  const { documentId, translator, viewer, workspace } = await setup()
  const viewing = await join(documentId, viewer)
  const translating = await join(documentId, translator)
  const closeCodes: number[] = []
  viewing.provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  const [first, second] = readSegments(viewing.doc).map((segment) => segment.id)

  setTargetText(viewing.doc, first!, 'Көрермен жазды.', viewer.user.id)
  setTargetText(translating.doc, second!, 'Аудармашы жазды.', translator.user.id)
  // Still connected: the viewer goes on receiving others' edits.
  await waitFor(() => expect(readSegments(viewing.doc)[1]!.target).toBe('Аудармашы жазды.'))

  // A client that joins later (its handshake queued behind the viewer's update) never sees it.
  const late = await join(documentId, workspace.admin)
  expect(readSegments(late.doc)[1]!.target).toBe('Аудармашы жазды.')
  expect(readSegments(late.doc)[0]!.target).toBe('')
  expect(readSegments(translating.doc)[0]!.target).toBe('')
  await waitFor(() =>
    expect(readSegments(readStoredDocument(server!.databaseFile, documentId))[1]!.target).toBe(
      'Аудармашы жазды.',
    ),
  )
  expect(readSegments(readStoredDocument(server!.databaseFile, documentId))[0]!.target).toBe('')
  expect(viewing.provider.wsconnected).toBe(true)
  expect(closeCodes).toEqual([])
})
