import { afterEach, expect, test } from 'vitest'
import { readSegments, segmentAt, setStatus, setTargetText, targetText } from '@qalam/shared/model'
import { generateTmx } from '../support/generateTmx.ts'
import { asUser, type Session } from '../support/accounts.ts'
import { connectRawPeer, type RawSyncPeer } from '../support/rawSyncPeer.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { typeAtEnd } from '../support/typeAtEnd.ts'
import { storedTmRows } from '../support/storedTmRows.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []
const rawPeers: RawSyncPeer[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const peer of rawPeers.splice(0)) peer.close()
  await server?.dispose()
  server = null
})

interface MemoryView {
  id: string
  name: string
  mode: 'write' | 'read'
  units: number
  projectId: string
  ownerName: string | null
}

async function setup() {
  server = await startTestServer()
  const workspace = await createWorkspace(server, 'Ұлттық кітапхана')
  return { server, workspace }
}

async function api<T>(
  path: string,
  session: Session,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const headers = asUser(
    session,
    init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {},
  )
  const response = await fetch(server!.url + path, { ...init, headers })
  const text = await response.text()
  return {
    status: response.status,
    body: (text && response.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : text) as T,
  }
}

async function memories(workspace: Workspace, session = workspace.admin): Promise<MemoryView[]> {
  const { body } = await api<{ memories: MemoryView[] }>(
    `/api/projects/${workspace.projectId}/memories`,
    session,
  )
  return body.memories
}

function tmxForm(content: string | Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.append('sourceLang', fields.sourceLang ?? 'ru')
  form.append('targetLang', fields.targetLang ?? 'kk')
  if (fields.importId) form.append('importId', fields.importId)
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)]),
    'memory.tmx',
  )
  return form
}

test('a segment approved in the editor is in the project’s write memory at once, with its author and neighbours', async () => {
  const { server, workspace } = await setup()
  const reviewer = await workspace.member('reviewer', 'aigul')
  const { id: documentId } = await workspace.importDocument({
    bytes: 'Первое письмо. Второе письмо. Третье письмо.',
  })
  const client = connectClient(server.url, documentId, reviewer)
  clients.push(client)
  await client.synced()
  const [, second] = readSegments(client.doc).map((segment) => segment.id)
  setTargetText(client.doc, second!, 'Екінші хат.', reviewer.user.id)
  setStatus(client.doc, second!, 'approved', reviewer.user.id)

  const [write] = await waitFor(async () => {
    const list = await memories(workspace)
    expect(list[0]).toMatchObject({ mode: 'write', name: 'Ұлттық кітапхана', units: 1 })
    return list
  })
  const tmx = await api<string>(
    `/api/projects/${workspace.projectId}/memories/${write!.id}/export`,
    workspace.admin,
  )
  expect(tmx.status).toBe(200)
  expect(tmx.body).toContain('<seg>Второе письмо.</seg>')
  expect(tmx.body).toContain('<seg>Екінші хат.</seg>')
  expect(tmx.body).toContain('<prop type="prev">Первое письмо.</prop>')
  expect(tmx.body).toContain('<prop type="next">Третье письмо.</prop>')
  expect(tmx.body).toMatch(/<tu srclang="ru" creationid="aigul" creationdate="\d{8}T\d{6}Z"/)
})

test('typing that reached an approved segment late is in its memory unit, which replaces the approved one', async () => {
  const { server, workspace } = await setup()
  const reviewer = await workspace.member('reviewer', 'aigul')
  const translator = await workspace.member('translator', 'nurlan')
  const { id: documentId } = await workspace.importDocument({
    bytes: 'Первое письмо. Второе письмо.',
  })
  const reviewerClient = connectClient(server.url, documentId, reviewer)
  clients.push(reviewerClient)
  await reviewerClient.synced()
  const [first] = readSegments(reviewerClient.doc).map((segment) => segment.id)
  setTargetText(reviewerClient.doc, first!, 'Бірінші', reviewer.user.id)
  setStatus(reviewerClient.doc, first!, 'translated', reviewer.user.id)
  // The translator's raw client, so that the approval can be held on its way to them.
  const typist = connectRawPeer(server.url, documentId, translator)
  rawPeers.push(typist)
  await typist.synced
  await waitFor(() => expect(targetText(segmentAt(typist.doc, 0)!)).toBe('Бірінші'))

  typist.pause()
  setStatus(reviewerClient.doc, first!, 'approved', reviewer.user.id)
  const [write] = await waitFor(async () => {
    const list = await memories(workspace)
    expect(list[0]).toMatchObject({ mode: 'write', units: 1 })
    return list
  })
  const exported = async () =>
    (
      await api<string>(
        `/api/projects/${workspace.projectId}/memories/${write!.id}/export`,
        workspace.admin,
      )
    ).body
  expect(await exported()).toContain('<seg>Бірінші</seg>')
  // Typing sent before the approval reached the translator goes into the approved text.
  typist.send((doc) => typeAtEnd(doc, 0, ' хат'))
  await waitFor(() => expect(targetText(segmentAt(reviewerClient.doc, 0)!)).toBe('Бірінші хат'))
  typist.resume()

  const tmx = await waitFor(async () => {
    const body = await exported()
    expect(body).toContain('<seg>Бірінші хат</seg>')
    return body
  })
  expect(tmx).not.toContain('<seg>Бірінші</seg>')
  // The reviewer approved it; the translator's typing changed it last.
  expect(tmx).toMatch(
    /<tu srclang="ru" creationid="aigul" creationdate="\d{8}T\d{6}Z" changeid="nurlan"/,
  )
  expect((await memories(workspace))[0]).toMatchObject({ units: 1 })
})

test('confirming an alignment puts its vouched-for pairs into the write memory', async () => {
  const { workspace } = await setup()
  const confirmed = await api<{ memoryUnits: number }>('/api/alignments/confirm', workspace.admin, {
    method: 'POST',
    body: JSON.stringify({
      projectId: workspace.projectId,
      title: 'Aligned',
      sourceLang: 'ru',
      targetLang: 'kk',
      pairs: [
        { source: 'Первое.', target: 'Бірінші.', paragraph: 0 },
        { source: 'Сомнительное.', target: 'Күмәнді.', paragraph: 0, confidence: 0.1 },
        { source: 'Без перевода.', target: '', paragraph: 0 },
        { source: 'Четвёртое.', target: 'Төртінші.', paragraph: 0 },
      ],
    }),
  })
  expect(confirmed).toMatchObject({ status: 201, body: { memoryUnits: 2 } })
  const [write] = await memories(workspace)
  const stats = await api(
    `/api/projects/${workspace.projectId}/memories/${write!.id}/stats`,
    workspace.admin,
  )
  expect(stats.body).toMatchObject({
    units: 2,
    byOrigin: { alignment: 2, segment: 0, tmx: 0 },
    byLanguagePair: [{ sourceLang: 'ru', targetLang: 'kk', units: 2 }],
  })
})

test('a TMX import reports its progress while it streams, and exports back as the same units', async () => {
  const { workspace } = await setup()
  const created = await api<MemoryView>(
    `/api/projects/${workspace.projectId}/memories`,
    workspace.admin,
    {
      method: 'POST',
      body: JSON.stringify({ name: 'Мұрағат' }),
    },
  )
  expect(created).toMatchObject({ status: 201, body: { name: 'Мұрағат', mode: 'read' } })
  const base = `/api/projects/${workspace.projectId}/memories/${created.body.id}`
  const importId = crypto.randomUUID()
  const tmx = [...generateTmx(3000)].join('')
  const imported = await api(`${base}/imports`, workspace.admin, {
    method: 'POST',
    body: tmxForm(tmx, { importId }),
  })
  expect(imported).toMatchObject({
    status: 200,
    body: { unitsRead: 3000, added: 3000, updated: 0, skipped: { no_source: 0 } },
  })
  const job = await api(`${base}/imports/${importId}`, workspace.admin)
  expect(job.body).toMatchObject({ state: 'done', unitsRead: 3000, added: 3000 })

  const exported = await api<string>(`${base}/export`, workspace.admin)
  expect(exported.status).toBe(200)
  const again = await api<MemoryView>(
    `/api/projects/${workspace.projectId}/memories`,
    workspace.admin,
    {
      method: 'POST',
      body: JSON.stringify({ name: 'Copy' }),
    },
  )
  const reimported = await api(
    `/api/projects/${workspace.projectId}/memories/${again.body.id}/imports`,
    workspace.admin,
    {
      method: 'POST',
      body: tmxForm(exported.body),
    },
  )
  expect(reimported.body).toMatchObject({ unitsRead: 3000, added: 3000 })
  const secondExport = await api<string>(
    `/api/projects/${workspace.projectId}/memories/${again.body.id}/export`,
    workspace.admin,
  )
  const units = (text: string) =>
    text.replace(/<header[^>]*>/, '').replace(/creationdate="[^"]*" changeid/g, 'changeid')
  expect(units(secondExport.body)).toBe(units(exported.body))
})

const VALID_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ru"/><body>\n'
const GOOD_UNITS = [...generateTmx(2000)]
  .join('')
  .replace(/^[\s\S]*?<body>\n/, '')
  .replace('</body>\n</tmx>\n', '')

test.each([
  [
    'a DTD with entities',
    '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx/>',
    400,
    'tmx.dtd',
    2,
  ],
  ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 400, 'tmx.compressed', 1],
  [
    'malformed XML after 2,000 good units',
    `${VALID_HEAD}${GOOD_UNITS}<tu><tuv xml:lang="ru"><seg>x</tu></body></tmx>`,
    400,
    'tmx.not_xml',
    2003,
  ],
  [
    'a declared legacy encoding',
    '<?xml version="1.0" encoding="koi8-r"?><tmx/>',
    400,
    'tmx.encoding',
    1,
  ],
  [
    'bytes that are not UTF-8',
    new Uint8Array([
      ...new TextEncoder().encode(`${VALID_HEAD}<tu><tuv xml:lang="ru"><seg>`),
      0xe0,
      0xe1,
      0x20,
    ]),
    400,
    'tmx.encoding',
    3,
  ],
  [
    'one enormous line',
    `${VALID_HEAD}<tu><tuv xml:lang="ru"><seg>${'щ'.repeat(1_200_000)}</seg></tuv></tu></body></tmx>`,
    413,
    'tmx.too_large',
    3,
  ],
])(
  'refuses %s with a clear answer and stores nothing',
  { timeout: 60_000 },
  async (_name, content, status, code, line) => {
    const { workspace } = await setup()
    const [write] = await memories(workspace)
    const response = await api<{
      error: { code: string; message: string; detail?: { line: number } }
    }>(`/api/projects/${workspace.projectId}/memories/${write!.id}/imports`, workspace.admin, {
      method: 'POST',
      body: tmxForm(content),
    })
    expect(response.status).toBe(status)
    expect(response.body.error).toMatchObject({ code, detail: { line } })
    expect(response.body.error.message).toMatch(new RegExp(`^line ${line}: `))
    expect(storedTmRows(server!.databaseFile)).toEqual({ units: 0, staged: 0 })
  },
)

test('refuses an import whose languages are unknown or the same, before reading the file', async () => {
  const { workspace } = await setup()
  const [write] = await memories(workspace)
  const path = `/api/projects/${workspace.projectId}/memories/${write!.id}/imports`
  const same = await api<{ error: { code: string } }>(path, workspace.admin, {
    method: 'POST',
    body: tmxForm(VALID_HEAD, { targetLang: 'ru-RU' }),
  })
  expect(same).toMatchObject({ status: 400, body: { error: { code: 'tm.same_language' } } })
  const unknown = await api<{ error: { code: string } }>(path, workspace.admin, {
    method: 'POST',
    body: tmxForm(VALID_HEAD, { targetLang: 'zz-top' }),
  })
  expect(unknown).toMatchObject({
    status: 400,
    body: { error: { code: 'import.unknown_language' } },
  })
})

test('a manager attaches another project’s memory to read from, makes it the write memory, and detaches it', async () => {
  const { workspace } = await setup()
  const otherProject = await api<{ id: string }>('/api/projects', workspace.admin, {
    method: 'POST',
    body: JSON.stringify({ name: 'Мұрағат жобасы' }),
  })
  const otherMemories = await api<{ memories: MemoryView[] }>(
    `/api/projects/${otherProject.body.id}/memories`,
    workspace.admin,
  )
  const shared = otherMemories.body.memories[0]!
  const base = `/api/projects/${workspace.projectId}/memories`
  const attachable = await api<{ memories: Array<{ id: string; ownerName: string }> }>(
    `${base}/attachable`,
    workspace.admin,
  )
  expect(attachable.body.memories).toContainEqual(
    expect.objectContaining({ id: shared.id, ownerName: 'Мұрағат жобасы' }),
  )

  expect(
    (
      await api(`${base}/${shared.id}`, workspace.admin, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'read' }),
      })
    ).status,
  ).toBe(200)
  const [own, attached] = await memories(workspace)
  expect(own).toMatchObject({ mode: 'write', projectId: workspace.projectId })
  expect(attached).toMatchObject({ id: shared.id, mode: 'read', ownerName: 'Мұрағат жобасы' })

  const detachOwn = await api<{ error: { code: string } }>(`${base}/${own!.id}`, workspace.admin, {
    method: 'DELETE',
  })
  expect(detachOwn).toMatchObject({ status: 409, body: { error: { code: 'tm.write_memory' } } })
  await api(`${base}/${shared.id}`, workspace.admin, {
    method: 'PUT',
    body: JSON.stringify({ mode: 'write' }),
  })
  expect((await memories(workspace)).map((memory) => [memory.id, memory.mode])).toEqual([
    [shared.id, 'write'],
    [own!.id, 'read'],
  ])
  const detachShared = await api<{ error: { code: string } }>(
    `${base}/${shared.id}`,
    workspace.admin,
    { method: 'DELETE' },
  )
  expect(detachShared.body).toMatchObject({ error: { code: 'tm.write_memory' } })
  await api(`${base}/${own!.id}`, workspace.admin, {
    method: 'PUT',
    body: JSON.stringify({ mode: 'write' }),
  })
  expect((await api(`${base}/${shared.id}`, workspace.admin, { method: 'DELETE' })).status).toBe(
    204,
  )
  expect((await memories(workspace)).map((memory) => memory.id)).toEqual([own!.id])
})

test('a manager cannot attach a memory of a project they are not in', async () => {
  const { workspace } = await setup()
  const manager = await workspace.member('manager', 'manager-x')
  const otherProject = await api<{ id: string }>('/api/projects', workspace.admin, {
    method: 'POST',
    body: JSON.stringify({ name: 'Hidden' }),
  })
  const hidden = (
    await api<{ memories: MemoryView[] }>(
      `/api/projects/${otherProject.body.id}/memories`,
      workspace.admin,
    )
  ).body.memories[0]!
  const base = `/api/projects/${workspace.projectId}/memories`
  const attachable = await api<{ memories: MemoryView[] }>(`${base}/attachable`, manager)
  expect(attachable.body.memories).toEqual([])
  const attempt = await api<{ error: { code: string } }>(`${base}/${hidden.id}`, manager, {
    method: 'PUT',
    body: JSON.stringify({ mode: 'read' }),
  })
  expect(attempt).toMatchObject({ status: 404, body: { error: { code: 'tm.not_found' } } })
  expect(JSON.stringify(attempt.body)).not.toContain('Hidden')
})
