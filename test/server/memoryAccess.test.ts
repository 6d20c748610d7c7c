import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ProjectRole } from '@qalam/shared/workflow'
import { addMember, asUser, createProject, createUser, type Session } from '../support/accounts.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * Every translation memory route × every kind of caller, as in access.test.ts: a non-member
 * gets the 404 of something that does not exist, a member whose role falls short a 403.
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

const PROJECT_NAME = 'Secret manuscripts'
const MEMORY_NAME = 'Secret memory'

let server: TestServer
let workspace: Workspace
let memoryId = ''
/** A memory of another project that the manager is also a member of. */
let sharedMemoryId = ''
const sessions = new Map<Actor, Session | null>()

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru"/><body>
<tu><tuv xml:lang="ru"><seg>Текст.</seg></tuv><tuv xml:lang="kk-KZ"><seg>Мәтін.</seg></tuv></tu>
</body></tmx>`

function tmxForm(importId?: string): FormData {
  const form = new FormData()
  form.append('sourceLang', 'ru')
  form.append('targetLang', 'kk')
  if (importId) form.append('importId', importId)
  form.append('file', new Blob([TMX]), 'm.tmx')
  return form
}

interface Call {
  method: string
  path: string
  body?: () => BodyInit
  json?: unknown
}

const MEMBERS_ONLY = [401, 404, 200, 200, 200, 200, 200]
const MANAGERS_ONLY = [401, 404, 403, 403, 403, 200, 200]
const base = () => `/api/projects/${workspace.projectId}/memories`

async function perform(call: Call, actor: Actor): Promise<Response> {
  const headers: Record<string, string> = asUser(sessions.get(actor) ?? null)
  let body: BodyInit | undefined
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(call.json)
  } else if (call.body) {
    body = call.body()
  }
  return fetch(server.url + call.path, { method: call.method, headers, ...(body ? { body } : {}) })
}

/** [route, call for this actor, expected status per actor in ACTORS order] */
type Row = [string, (actor: Actor) => Call | Promise<Call>, number[]]

const ROWS: Row[] = [
  ['GET /memories', () => ({ method: 'GET', path: base() }), MEMBERS_ONLY],
  [
    'GET /memories/attachable',
    () => ({ method: 'GET', path: `${base()}/attachable` }),
    MANAGERS_ONLY,
  ],
  [
    'POST /memories',
    (actor) => ({ method: 'POST', path: base(), json: { name: `made by ${actor}` } }),
    [401, 404, 403, 403, 403, 201, 201],
  ],
  [
    'PUT /memories/:memoryId',
    () => ({ method: 'PUT', path: `${base()}/${sharedMemoryId}`, json: { mode: 'read' } }),
    MANAGERS_ONLY,
  ],
  [
    'DELETE /memories/:memoryId',
    async () => {
      // A fresh attachment per caller, so the rows stay independent.
      const project = await createProject(server.url, workspace.admin, 'Donor')
      const list = await fetch(`${server.url}/api/projects/${project}/memories`, {
        headers: asUser(workspace.admin),
      })
      const donated = ((await list.json()) as { memories: Array<{ id: string }> }).memories[0]!.id
      await perform(
        { method: 'PUT', path: `${base()}/${donated}`, json: { mode: 'read' } },
        'admin',
      )
      return { method: 'DELETE', path: `${base()}/${donated}` }
    },
    [401, 404, 403, 403, 403, 204, 204],
  ],
  [
    'GET /memories/:memoryId/stats',
    () => ({ method: 'GET', path: `${base()}/${memoryId}/stats` }),
    MEMBERS_ONLY,
  ],
  [
    'POST /memories/:memoryId/imports',
    () => ({ method: 'POST', path: `${base()}/${memoryId}/imports`, body: () => tmxForm() }),
    MANAGERS_ONLY,
  ],
  [
    'GET /memories/:memoryId/imports/:importId',
    async (actor) => {
      // The caller's own import where they may import; the admin's for everyone else.
      const importId = crypto.randomUUID()
      const importer: Actor = actor === 'manager' ? 'manager' : 'admin'
      await perform(
        { method: 'POST', path: `${base()}/${memoryId}/imports`, body: () => tmxForm(importId) },
        importer,
      )
      return { method: 'GET', path: `${base()}/${memoryId}/imports/${importId}` }
    },
    MANAGERS_ONLY,
  ],
  [
    'GET /memories/:memoryId/export',
    () => ({ method: 'GET', path: `${base()}/${memoryId}/export` }),
    MANAGERS_ONLY,
  ],
]

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, PROJECT_NAME)
  const { admin } = workspace
  sessions.set('anonymous', null)
  sessions.set('admin', admin)
  sessions.set('nonMember', await createUser(server.url, admin, 'outsider'))
  for (const role of [
    'viewer',
    'translator',
    'reviewer',
    'manager',
  ] as const satisfies ProjectRole[]) {
    sessions.set(role, await workspace.member(role, role))
  }
  const created = await perform(
    { method: 'POST', path: base(), json: { name: MEMORY_NAME } },
    'admin',
  )
  memoryId = ((await created.json()) as { id: string }).id
  const other = await createProject(server.url, admin, 'Shared archive')
  await addMember(server.url, admin, other, 'manager', 'viewer')
  const list = await fetch(`${server.url}/api/projects/${other}/memories`, {
    headers: asUser(admin),
  })
  sharedMemoryId = ((await list.json()) as { memories: Array<{ id: string }> }).memories[0]!.id
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

describe.each(ROWS)('%s', (_route, makeCall, expected) => {
  test.each(ACTORS.map((actor, index) => [actor, expected[index]!] as const))(
    'answers %s with %i',
    async (actor, status) => {
      const response = await perform(await makeCall(actor), actor)
      const text = await response.text()
      expect({ status: response.status, body: text }).toMatchObject({ status })
      if (status >= 400) {
        const { error } = JSON.parse(text) as { error: { code: string } }
        const codes: Record<number, RegExp> = {
          401: /^auth\.required$/,
          403: /^auth\.forbidden$/,
          404: /^(project|tm)\.not_found$/,
        }
        expect(error.code).toMatch(codes[status]!)
      }
      if (actor === 'nonMember') {
        expect(text).not.toContain(PROJECT_NAME)
        expect(text).not.toContain(MEMORY_NAME)
      }
    },
  )
})
