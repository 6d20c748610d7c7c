import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import type { ProjectRole } from '@qalam/shared/workflow'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { connectClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * Every route × every kind of caller. A non-member must get exactly what a caller gets for
 * something that does not exist (404), never a 403 that would confirm it exists.
 */

const ACTORS = [
  'anonymous',
  'nonMember',
  'viewer',
  'translator',
  'reviewer',
  'manager',
  'admin',
] as const
type Actor = (typeof ACTORS)[number]
type MemberRole = Extract<Actor, ProjectRole>

const PROJECT_NAME = 'Secret manuscripts'
const DOCUMENT_TITLE = 'Private correspondence'

let server: TestServer
let workspace: Workspace
let documentId: string
let segmentId: string
const sessions = new Map<Actor, Session | null>()

interface Call {
  method: string
  path: string
  body?: (actor: Actor) => BodyInit
  json?: (actor: Actor) => unknown
}

/** [route, call, expected status per actor in ACTORS order] */
type Row = [string, () => Call, number[]]

const MEMBERS_ONLY = [401, 404, 200, 200, 200, 200, 200]
const MANAGERS_ONLY_READ = [401, 404, 403, 403, 403, 200, 200]

function importForm(actor: Actor): FormData {
  const form = new FormData()
  form.append('projectId', workspace.projectId)
  form.append('sourceLang', 'ru')
  form.append('targetLang', 'kk')
  form.append('file', new Blob([`Текст для ${actor}.`]), `${actor}.txt`)
  return form
}

function alignmentForm(): FormData {
  const form = new FormData()
  form.append('projectId', workspace.projectId)
  form.append('sourceLang', 'ru')
  form.append('targetLang', 'kk')
  form.append('source', new Blob(['Первое предложение. Второе.']), 'a.ru.txt')
  form.append('target', new Blob(['Бірінші сөйлем. Екінші.']), 'a.kk.txt')
  return form
}

const ROWS: Row[] = [
  [
    'GET /api/session',
    () => ({ method: 'GET', path: '/api/session' }),
    [401, 200, 200, 200, 200, 200, 200],
  ],
  [
    'GET /api/users',
    () => ({ method: 'GET', path: '/api/users' }),
    [401, 403, 403, 403, 403, 403, 200],
  ],
  [
    'POST /api/users',
    () => ({
      method: 'POST',
      path: '/api/users',
      json: (actor) => ({ username: `made-by-${actor}`, password: 'a long password' }),
    }),
    [401, 403, 403, 403, 403, 403, 201],
  ],
  [
    'GET /api/projects',
    () => ({ method: 'GET', path: '/api/projects' }),
    [401, 200, 200, 200, 200, 200, 200],
  ],
  [
    'POST /api/projects',
    () => ({ method: 'POST', path: '/api/projects', json: () => ({ name: 'Another' }) }),
    [401, 403, 403, 403, 403, 403, 201],
  ],
  [
    'GET /api/projects/:id',
    () => ({ method: 'GET', path: `/api/projects/${workspace.projectId}` }),
    MEMBERS_ONLY,
  ],
  [
    'GET /api/projects/:id/members',
    () => ({ method: 'GET', path: `/api/projects/${workspace.projectId}/members` }),
    MEMBERS_ONLY,
  ],
  [
    'POST /api/projects/:id/members',
    () => ({
      method: 'POST',
      path: `/api/projects/${workspace.projectId}/members`,
      json: (actor) => ({ username: `candidate-${actor}`, role: 'viewer' }),
    }),
    [401, 404, 403, 403, 403, 201, 201],
  ],
  [
    'PATCH /api/projects/:id/members/:userId',
    () => ({
      method: 'PATCH',
      path: `/api/projects/${workspace.projectId}/members/${subjectId}`,
      json: () => ({ role: 'reviewer' }),
    }),
    MANAGERS_ONLY_READ,
  ],
  [
    'DELETE /api/projects/:id/members/:userId',
    // The member is replaced per actor (see below), so the rows stay independent.
    () => ({ method: 'DELETE', path: `/api/projects/${workspace.projectId}/members/VICTIM` }),
    [401, 404, 403, 403, 403, 204, 204],
  ],
  [
    'GET /api/projects/:id/audit',
    () => ({ method: 'GET', path: `/api/projects/${workspace.projectId}/audit?limit=10` }),
    MEMBERS_ONLY,
  ],
  [
    'GET /api/documents',
    () => ({ method: 'GET', path: '/api/documents' }),
    [401, 200, 200, 200, 200, 200, 200],
  ],
  [
    'GET /api/documents?projectId=',
    () => ({ method: 'GET', path: `/api/documents?projectId=${workspace.projectId}` }),
    MEMBERS_ONLY,
  ],
  [
    'POST /api/documents',
    () => ({ method: 'POST', path: '/api/documents', body: importForm }),
    [401, 404, 403, 403, 403, 201, 201],
  ],
  [
    'POST /api/documents/preview',
    () => ({ method: 'POST', path: '/api/documents/preview', body: importForm }),
    MANAGERS_ONLY_READ,
  ],
  [
    'GET /api/documents/:id',
    () => ({ method: 'GET', path: `/api/documents/${documentId}` }),
    MEMBERS_ONLY,
  ],
  [
    'GET /api/documents/:id/export',
    () => ({ method: 'GET', path: `/api/documents/${documentId}/export?format=txt` }),
    MANAGERS_ONLY_READ,
  ],
  [
    'GET /api/documents/:id/segments/:segmentId/audit',
    () => ({ method: 'GET', path: `/api/documents/${documentId}/segments/${segmentId}/audit` }),
    MEMBERS_ONLY,
  ],
  [
    'POST /api/alignments',
    () => ({ method: 'POST', path: '/api/alignments', body: alignmentForm }),
    MANAGERS_ONLY_READ,
  ],
  [
    'POST /api/alignments/confirm',
    () => ({
      method: 'POST',
      path: '/api/alignments/confirm',
      json: () => ({
        projectId: workspace.projectId,
        title: 'Aligned',
        sourceLang: 'ru',
        targetLang: 'kk',
        pairs: [{ source: 'Первое.', target: 'Бірінші.', paragraph: 0 }],
      }),
    }),
    [401, 404, 403, 403, 403, 201, 201],
  ],
]

/** The member whose role PATCH changes. */
let subjectId = ''

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, PROJECT_NAME)
  const { admin } = workspace
  documentId = (await workspace.importDocument({ bytes: 'Первое. Второе.', title: DOCUMENT_TITLE }))
    .id
  sessions.set('anonymous', null)
  sessions.set('admin', admin)
  sessions.set('nonMember', await createUser(server.url, admin, 'outsider'))
  for (const role of [
    'viewer',
    'translator',
    'reviewer',
    'manager',
  ] as const satisfies MemberRole[]) {
    sessions.set(role, await workspace.member(role, role))
  }
  for (const actor of ACTORS) await createUser(server.url, admin, `candidate-${actor}`)
  const subject = await workspace.member('translator', 'subject')
  subjectId = subject.user.id
  const reader = connectClient(server.url, documentId, admin)
  await reader.synced()
  segmentId = readSegments(reader.doc)[0]!.id
  reader.destroy()
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

async function perform(call: Call, actor: Actor): Promise<Response> {
  const session = sessions.get(actor) ?? null
  const headers: Record<string, string> = asUser(session)
  let body: BodyInit | undefined
  if (call.json) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(call.json(actor))
  } else if (call.body) {
    body = call.body(actor)
  }
  return fetch(server.url + call.path, { method: call.method, headers, ...(body ? { body } : {}) })
}

describe.each(ROWS)('%s', (_route, makeCall, expected) => {
  test.each(ACTORS.map((actor, index) => [actor, expected[index]!] as const))(
    'answers %s with %i',
    async (actor, status) => {
      const call = makeCall()
      if (call.path.endsWith('VICTIM')) {
        const victim = await workspace.member('viewer', `victim-${actor}`)
        call.path = call.path.replace('VICTIM', victim.user.id)
      }
      const response = await perform(call, actor)
      const text = await response.text()
      expect({ status: response.status, body: text }).toMatchObject({ status })
      if (status >= 400) {
        const { error } = JSON.parse(text) as { error: { code: string; message: string } }
        const codes: Record<number, RegExp> = {
          401: /^auth\.required$/,
          403: /^auth\.forbidden$/,
          404: /^(project|document)\.not_found$/,
        }
        expect(error.code).toMatch(codes[status]!)
      }
      if (actor === 'nonMember') {
        expect(text).not.toContain(PROJECT_NAME)
        expect(text).not.toContain(DOCUMENT_TITLE)
      }
    },
  )
})

test('a non-member’s document list holds nothing of the project', async () => {
  const response = await perform({ method: 'GET', path: '/api/documents' }, 'nonMember')
  expect(await response.json()).toEqual({ documents: [] })
  const projects = await perform({ method: 'GET', path: '/api/projects' }, 'nonMember')
  expect(await projects.json()).toEqual({ projects: [] })
})

test('each member sees the project’s documents with their own role', async () => {
  for (const actor of ['viewer', 'translator', 'reviewer', 'manager', 'admin'] as const) {
    const response = await perform({ method: 'GET', path: `/api/documents/${documentId}` }, actor)
    expect(await response.json()).toMatchObject({
      id: documentId,
      title: DOCUMENT_TITLE,
      projectId: workspace.projectId,
      role: actor,
    })
  }
})
