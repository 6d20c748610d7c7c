import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * Editing and deleting glossary entries through the real server: allowed to reviewers,
 * managers and administrators only, refused whole on bad input, audited with the terms
 * before and after, and each change moving the glossary's revision.
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
const EXPECTED = [401, 404, 403, 403, 200, 200, 200]

const ENTRY = {
  terms: [
    { lang: 'ru', text: 'рукопись', status: 'preferred' },
    { lang: 'kk', text: 'қолжазба', status: 'preferred' },
  ],
  definition: 'Написанный от руки текст',
}
const EDITED = {
  terms: [
    { lang: 'ru', text: 'рукопись', status: 'preferred' },
    { lang: 'kk', text: 'қолжазба', status: 'forbidden' },
    { lang: 'kk', text: 'манускрипт', status: 'preferred' },
  ],
}

let server: TestServer
let workspace: Workspace
let glossaryId: string
const sessions = new Map<Actor, Session | null>()

const base = () => `${server.url}/api/projects/${workspace.projectId}/glossaries/${glossaryId}`

function call(actor: Actor, method: string, path: string, json?: unknown) {
  const headers: Record<string, string> = asUser(sessions.get(actor) ?? null)
  if (json !== undefined) headers['content-type'] = 'application/json'
  return fetch(path, {
    method,
    headers,
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  })
}

async function addEntry(): Promise<string> {
  const response = await call('admin', 'POST', `${base()}/entries`, ENTRY)
  expect(response.status).toBe(201)
  return ((await response.json()) as { entry: { id: string } }).entry.id
}

async function entries() {
  const response = await call('admin', 'GET', `${base()}/entries`)
  return (await response.json()) as {
    revision: number
    entries: Array<{ id: string; terms: unknown[]; definition?: string }>
  }
}

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Glossary edits')
  sessions.set('anonymous', null)
  sessions.set('admin', workspace.admin)
  sessions.set('nonMember', await createUser(server.url, workspace.admin, 'outsider'))
  for (const role of ['viewer', 'translator', 'reviewer', 'manager'] as const)
    sessions.set(role, await workspace.member(role, role))
  const created = await call(
    'admin',
    'POST',
    `${server.url}/api/projects/${workspace.projectId}/glossaries`,
    { name: 'Мұрағат терминдері' },
  )
  glossaryId = ((await created.json()) as { id: string }).id
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

describe.each(ACTORS.map((actor, index) => [actor, EXPECTED[index]!] as const))(
  '%s',
  (actor, status) => {
    test(`editing an entry answers ${status}`, async () => {
      const id = await addEntry()
      const response = await call(actor, 'PUT', `${base()}/entries/${id}`, EDITED)
      expect(response.status).toBe(status)
      const stored = (await entries()).entries.find((entry) => entry.id === id)!
      expect(stored.terms).toEqual(status === 200 ? EDITED.terms : ENTRY.terms)
    })

    test(`deleting an entry answers ${status}`, async () => {
      const id = await addEntry()
      const response = await call(actor, 'DELETE', `${base()}/entries/${id}`)
      expect(response.status).toBe(status)
      const ids = (await entries()).entries.map((entry) => entry.id)
      expect(ids.includes(id)).toBe(status !== 200)
    })
  },
)

test('an edit replaces the terms and fields, moves the revision and is in the activity', async () => {
  const id = await addEntry()
  const before = await entries()
  const response = await call('reviewer', 'PUT', `${base()}/entries/${id}`, EDITED)
  const body = (await response.json()) as { revision: number; entry: { id: string } }
  expect(body.entry.id).toBe(id)
  expect(body.revision).toBe(before.revision + 1)
  const stored = (await entries()).entries.find((entry) => entry.id === id)!
  expect(stored.definition).toBeUndefined()
  const activity = await call(
    'manager',
    'GET',
    `${server.url}/api/projects/${workspace.projectId}/audit`,
  )
  const { entries: audit } = (await activity.json()) as {
    entries: Array<{ action: string; username: string; detail: Record<string, unknown> }>
  }
  expect(audit[0]).toMatchObject({
    action: 'glossary.entryEdit',
    detail: {
      glossaryId,
      entryId: id,
      before: ENTRY.terms,
      after: EDITED.terms,
    },
  })

  expect((await call('manager', 'DELETE', `${base()}/entries/${id}`)).status).toBe(200)
  const after = await call(
    'manager',
    'GET',
    `${server.url}/api/projects/${workspace.projectId}/audit`,
  )
  const latest = ((await after.json()) as { entries: Array<{ action: string; detail: unknown }> })
    .entries[0]
  expect(latest).toMatchObject({
    action: 'glossary.entryDelete',
    detail: { entryId: id, before: EDITED.terms },
  })
})

test('bad input and unknown entries are refused with nothing changed', async () => {
  const id = await addEntry()
  const before = await entries()
  for (const body of [
    { terms: [] },
    { terms: [{ lang: 'xx-bogus-language', text: 'a' }] },
    { terms: [{ lang: 'ru', text: 'a', status: 'unknown' }] },
    { terms: [{ lang: 'ru', text: 'x'.repeat(20_000) }] },
    'not an object',
  ]) {
    const response = await call('manager', 'PUT', `${base()}/entries/${id}`, body)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  }
  const missing = await call('manager', 'PUT', `${base()}/entries/nope`, EDITED)
  expect(missing.status).toBe(404)
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
    'glossary.entry_not_found',
  )
  expect((await call('manager', 'DELETE', `${base()}/entries/nope`)).status).toBe(404)
  expect(await entries()).toEqual(before)
})
