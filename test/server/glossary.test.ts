import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { connectClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * The glossary routes × every kind of caller, then imports: round trips through the API and
 * hostile files refused with nothing stored.
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

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/glossary', name), 'utf8')
const GLOSSARY_NAME = 'Secret terms'

let server: TestServer
let workspace: Workspace
let documentId: string
let glossaryId: string
let otherGlossaryId: string
const sessions = new Map<Actor, Session | null>()

interface Call {
  method: string
  path: string
  json?: unknown
  text?: string
}
type Row = [string, () => Call, number[]]

const MEMBERS = [401, 404, 200, 200, 200, 200, 200]
const MANAGERS = [401, 404, 403, 403, 403, 200, 200]
const project = () => `/api/projects/${workspace.projectId}/glossaries`
const glossary = () => `${project()}/${glossaryId}`

const ROWS: Row[] = [
  ['GET glossaries', () => ({ method: 'GET', path: project() }), MEMBERS],
  [
    'POST glossaries',
    () => ({ method: 'POST', path: project(), json: { name: 'Made here' } }),
    [401, 404, 403, 403, 403, 201, 201],
  ],
  ['GET attachable', () => ({ method: 'GET', path: `${project()}/attachable` }), MANAGERS],
  ['GET entries', () => ({ method: 'GET', path: `${glossary()}/entries` }), MEMBERS],
  [
    'POST entries',
    () => ({
      method: 'POST',
      path: `${glossary()}/entries`,
      json: {
        terms: [
          { lang: 'ru', text: 'фонд' },
          { lang: 'kk', text: 'қор' },
        ],
      },
    }),
    [401, 404, 403, 403, 201, 201, 201],
  ],
  [
    'POST import',
    () => ({
      method: 'POST',
      path: `${glossary()}/import?format=csv`,
      text: 'ru,kk\nопись,тізімдеме\n',
    }),
    MANAGERS,
  ],
  ['GET export', () => ({ method: 'GET', path: `${glossary()}/export?format=tbx3` }), MANAGERS],
  [
    'GET document terms',
    () => ({ method: 'GET', path: `/api/documents/${documentId}/glossary` }),
    MEMBERS,
  ],
  [
    'GET term check',
    () => ({ method: 'GET', path: `/api/documents/${documentId}/glossary/check` }),
    MEMBERS,
  ],
]

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Glossary project')
  const { admin } = workspace
  documentId = (
    await workspace.importDocument({ bytes: 'Рукописи хранятся в фонде. Второе.', title: 'Doc' })
  ).id
  sessions.set('anonymous', null)
  sessions.set('admin', admin)
  sessions.set('nonMember', await createUser(server.url, admin, 'outsider'))
  for (const role of ['viewer', 'translator', 'reviewer', 'manager'] as const) {
    sessions.set(role, await workspace.member(role, role))
  }
  glossaryId = (
    (await (
      await perform({ method: 'POST', path: project(), json: { name: GLOSSARY_NAME } }, 'admin')
    ).json()) as { id: string }
  ).id
  otherGlossaryId = (
    (await (
      await perform({ method: 'POST', path: project(), json: { name: 'Scratch' } }, 'admin')
    ).json()) as { id: string }
  ).id
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

async function perform(call: Call, actor: Actor): Promise<Response> {
  const headers: Record<string, string> = asUser(sessions.get(actor) ?? null)
  let body: string | undefined
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(call.json)
  } else if (call.text !== undefined) {
    headers['content-type'] = 'text/plain'
    body = call.text
  }
  return fetch(server.url + call.path, {
    method: call.method,
    headers,
    ...(body === undefined ? {} : { body }),
  })
}

describe.each(ROWS)('%s', (_route, makeCall, expected) => {
  test.each(ACTORS.map((actor, index) => [actor, expected[index]!] as const))(
    'answers %s with %i',
    async (actor, status) => {
      const response = await perform(makeCall(), actor)
      const text = await response.text()
      expect({ status: response.status, body: text }).toMatchObject({ status })
      if (status >= 400) {
        const { error } = JSON.parse(text) as { error: { code: string } }
        expect(error.code).toMatch(
          {
            401: /^auth\.required$/,
            403: /^auth\.forbidden$/,
            404: /^(project|document)\.not_found$/,
          }[status]!,
        )
      }
      if (actor === 'nonMember') expect(text).not.toContain(GLOSSARY_NAME)
    },
  )
})

test('a glossary of another project is not found through this one, and only its managers may attach it', async () => {
  const { admin } = workspace
  const otherProject = (
    (await (
      await fetch(`${server.url}/api/projects`, {
        method: 'POST',
        headers: { ...asUser(admin), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Other' }),
      })
    ).json()) as { id: string }
  ).id
  const foreign = (
    (await (
      await fetch(`${server.url}/api/projects/${otherProject}/glossaries`, {
        method: 'POST',
        headers: { ...asUser(admin), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Foreign' }),
      })
    ).json()) as { id: string }
  ).id
  const read = await perform({ method: 'GET', path: `${project()}/${foreign}/entries` }, 'manager')
  expect(read.status).toBe(404)
  const attach = await perform(
    { method: 'POST', path: `${project()}/${foreign}/attach` },
    'manager',
  )
  expect(attach.status).toBe(404)
  const attachable = await perform({ method: 'GET', path: `${project()}/attachable` }, 'admin')
  expect(
    ((await attachable.json()) as { glossaries: { id: string }[] }).glossaries.map(
      (item) => item.id,
    ),
  ).toContain(foreign)
  expect(
    (await perform({ method: 'POST', path: `${project()}/${foreign}/attach` }, 'admin')).status,
  ).toBe(204)
  expect(
    (await perform({ method: 'GET', path: `${project()}/${foreign}/entries` }, 'viewer')).status,
  ).toBe(200)
})

async function entryCount(id: string): Promise<number> {
  const response = await perform({ method: 'GET', path: `${project()}/${id}/entries` }, 'admin')
  return ((await response.json()) as { entries: unknown[] }).entries.length
}

async function importFile(
  id: string,
  format: 'tbx' | 'csv',
  body: string | Uint8Array,
): Promise<Response> {
  return fetch(`${server.url}${project()}/${id}/import?format=${format}`, {
    method: 'POST',
    headers: { ...asUser(workspace.admin), 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  })
}

describe('imports', () => {
  test.each(['vendor-v2.tbx', 'basic-v3.tbx'])(
    '%s imports, exports as v2, v3 and CSV, and imports back the same',
    async (name) => {
      const create = async (label: string) =>
        (
          (await (
            await perform({ method: 'POST', path: project(), json: { name: label } }, 'admin')
          ).json()) as { id: string }
        ).id
      const first = await create(`${name} first`)
      expect((await importFile(first, 'tbx', fixture(name))).status).toBe(200)
      const entries = async (id: string) =>
        (
          (await (
            await perform({ method: 'GET', path: `${project()}/${id}/entries` }, 'admin')
          ).json()) as { entries: { terms: unknown; definition?: string }[] }
        ).entries.map(({ terms, definition }) => ({ terms, definition }))
      const original = await entries(first)
      for (const [format, as] of [
        ['tbx2', 'tbx'],
        ['tbx3', 'tbx'],
        ['csv', 'csv'],
      ] as const) {
        const exported = await (
          await perform(
            { method: 'GET', path: `${project()}/${first}/export?format=${format}` },
            'admin',
          )
        ).text()
        const second = await create(`${name} ${format}`)
        const response = await importFile(second, as, exported)
        expect(response.status, await response.clone().text()).toBe(200)
        expect(await entries(second)).toEqual(original)
      }
    },
  )

  test.each<[string, string, 'tbx' | 'csv', string | Uint8Array, number]>([
    ['a DTD with an external entity', 'glossary_file.dtd', 'tbx', fixture('hostile-xxe.tbx'), 400],
    [
      'an undeclared entity',
      'glossary_file.not_xml',
      'tbx',
      '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol;</term></tig></langSet></termEntry></body></text></martif>',
      400,
    ],
    [
      'a zip file',
      'glossary_file.zip',
      'tbx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      415,
    ],
    [
      'bytes that are not UTF-8',
      'glossary_file.encoding',
      'csv',
      new Uint8Array([0x72, 0x75, 0x0a, 0xd0, 0xff, 0x0a]),
      400,
    ],
    [
      'a declared encoding that is not UTF-8',
      'glossary_file.encoding',
      'tbx',
      '<?xml version="1.0" encoding="windows-1251"?><martif/>',
      400,
    ],
    [
      'a valid entry followed by a broken one',
      'glossary_file.not_xml',
      'tbx',
      '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>ok</term></tig></langSet></termEntry>\n<termEntry><langSet xml:lang="en"><tig><term>broken</tig>',
      400,
    ],
    [
      'a CSV whose second row is wrong',
      'glossary_file.invalid',
      'csv',
      'ru,ru status\nопись,preferred\nфонд,maybe\n',
      400,
    ],
  ])('refuses %s with %s and stores nothing', async (_what, code, format, body, status) => {
    const response = await importFile(otherGlossaryId, format, body)
    expect(response.status).toBe(status)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe(code)
    expect(await entryCount(otherGlossaryId)).toBe(0)
  })

  test('a file over the upload limit is refused with 413 and nothing stored', async () => {
    const big = 'ru,kk\n' + 'слово,сөз\n'.repeat(1_200_000)
    const response = await importFile(otherGlossaryId, 'csv', big)
    expect(response.status).toBe(413)
    expect(await entryCount(otherGlossaryId)).toBe(0)
  })
})

test('the term check lists a segment whose target lacks the preferred term', async () => {
  const check = await create('Check')
  async function create(label: string) {
    return (
      (await (
        await perform({ method: 'POST', path: project(), json: { name: label } }, 'admin')
      ).json()) as { id: string }
    ).id
  }
  const added = await perform(
    {
      method: 'POST',
      path: `${project()}/${check}/entries`,
      json: {
        terms: [
          { lang: 'ru', text: 'рукопись' },
          { lang: 'kk', text: 'қолжазба' },
          { lang: 'kk', text: 'манускрипт', status: 'forbidden' },
        ],
      },
    },
    'reviewer',
  )
  const entryId = ((await added.json()) as { entry: { id: string } }).entry.id
  const client = connectClient(server.url, documentId, workspace.admin)
  await client.synced()
  const [first] = readSegments(client.doc)
  setTargetText(client.doc, first!.id, 'Манускрипттер қорда сақталады.', workspace.admin.user.id)
  await waitFor(async () => {
    const response = await perform(
      { method: 'GET', path: `/api/documents/${documentId}/glossary/check` },
      'translator',
    )
    const { findings } = (await response.json()) as {
      findings: { segmentId: string; entryId: string; kind: string }[]
    }
    expect(
      findings
        .filter((finding) => finding.segmentId === first!.id && finding.entryId === entryId)
        .map((finding) => finding.kind)
        .sort(),
    ).toEqual(['forbidden', 'missing'])
  })
  client.destroy()
})
