import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import type { ProjectRole } from '@qalam/shared/workflow'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * One document of three segments: the first translated and approved, the second translated
 * and waiting for review, the third untranslated.
 */
const SOURCE = 'Архив открыт.\nКаталог обновлён.\nЗал закрыт.\n'
const APPROVED = 'Мұрағат ашық.'
const TRANSLATED = 'Каталог жаңартылды.'

let server: TestServer
let workspace: Workspace
let client: SyncClient
let documentId: string

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Export policies')
  documentId = (await workspace.importDocument({ bytes: SOURCE })).id
  client = connectClient(server.url, documentId, workspace.admin)
  await client.synced()
  const [first, second] = readSegments(client.doc)
  const userId = workspace.admin.user.id
  setTargetText(client.doc, first!.id, APPROVED, userId)
  setStatus(client.doc, first!.id, 'approved', userId)
  setTargetText(client.doc, second!.id, TRANSLATED, userId)
  setStatus(client.doc, second!.id, 'translated', userId)
  await waitFor(async () => expect(await exportText('')).toContain(TRANSLATED))
}, 60_000)

afterAll(async () => {
  client?.destroy()
  await server?.dispose()
})

function get(path: string, session: Session | null = workspace.admin) {
  return fetch(server.url + path, { headers: asUser(session) })
}

async function exportText(query: string): Promise<string> {
  const response = await get(`/api/documents/${documentId}/export?format=txt${query}`)
  expect(response.status).toBe(200)
  return response.text()
}

async function setRule(session: Session, body: unknown) {
  return fetch(`${server.url}/api/projects/${workspace.projectId}/export-rule`, {
    method: 'PUT',
    headers: asUser(session, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  })
}

async function ruleIsApprovedOnly(): Promise<boolean> {
  const response = await get(`/api/projects/${workspace.projectId}/export-rule`)
  return ((await response.json()) as { approvedOnly: boolean }).approvedOnly
}

async function auditActions(): Promise<string[]> {
  const response = await get(`/api/projects/${workspace.projectId}/audit`)
  const body = (await response.json()) as { entries: Array<{ action: string }> }
  return body.entries.map((entry) => entry.action)
}

describe('exporting under a policy', () => {
  test('everything writes every translation and keeps the untranslated segment in the source', async () => {
    expect(await exportText('&scope=all&fallback=source')).toBe(
      `${APPROVED}\n${TRANSLATED}\nЗал закрыт.\n`,
    )
    // Without a policy in the request, the default is the same.
    expect(await exportText('')).toBe(`${APPROVED}\n${TRANSLATED}\nЗал закрыт.\n`)
  })

  test('approved only leaves the rest in the source language, empty or marked, as asked', async () => {
    expect(await exportText('&scope=approved&fallback=source')).toBe(
      `${APPROVED}\nКаталог обновлён.\nЗал закрыт.\n`,
    )
    expect(await exportText('&scope=approved&fallback=empty')).toBe(`${APPROVED}\n\n\n`)
    expect(await exportText('&scope=approved&fallback=marked')).toBe(
      `${APPROVED}\n[[Каталог обновлён.]]\n[[Зал закрыт.]]\n`,
    )
  })

  test.each(['xliff12', 'xliff20'])(
    'an %s export under approved only leaves the other targets empty and new, beside their source',
    async (format) => {
      const response = await get(
        `/api/documents/${documentId}/export?format=${format}&scope=approved&fallback=marked`,
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('x-untranslated-segments')).toBe('2')
      const xliff = await response.text()
      expect(xliff).toContain(APPROVED)
      expect(xliff).toContain('Каталог обновлён.')
      expect(xliff).not.toContain(TRANSLATED)
      expect(xliff).not.toContain('[[')
      const all = await get(`/api/documents/${documentId}/export?format=${format}&scope=all`)
      expect(await all.text()).toContain(TRANSLATED)
    },
  )

  test('the report names the untranslated and the not approved segments by number', async () => {
    const response = await get(`/api/documents/${documentId}/export/report?scope=approved`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      policy: { scope: 'approved', fallback: 'source' },
      approvedOnlyRule: false,
      segments: 3,
      translationsWritten: 1,
      fallbacks: 2,
      findings: [
        { kind: 'untranslated', count: 1, segments: [3] },
        { kind: 'notApproved', count: 1, segments: [2] },
        // Plain text carries no inline tags: the tag checks find nothing.
        { kind: 'tagsMissing', count: 0, segments: [] },
        { kind: 'tagsExtra', count: 0, segments: [] },
        { kind: 'tagsOrder', count: 0, segments: [] },
      ],
    })
  })

  test.each([
    ['export', 'format=txt&scope=everything'],
    ['export', 'format=txt&fallback=blank'],
    ['export/report', 'scope=APPROVED'],
    ['export/report', 'fallback=source&scope='],
  ])('a bad policy in GET %s?%s is refused with 400', async (path, query) => {
    const response = await get(`/api/documents/${documentId}/${path}?${query}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'request.invalid' } })
  })
})

describe("the project's approved-only rule", () => {
  test('a manager sets it; exports then write approved translations only, whatever the request says', async () => {
    const manager = await workspace.member('manager')
    try {
      expect((await setRule(manager, { approvedOnly: true })).status).toBe(200)
      expect(await ruleIsApprovedOnly()).toBe(true)
      expect(await exportText('&scope=all&fallback=marked')).toBe(
        `${APPROVED}\n[[Каталог обновлён.]]\n[[Зал закрыт.]]\n`,
      )
      const report = await get(`/api/documents/${documentId}/export/report?scope=all`)
      expect(await report.json()).toMatchObject({
        policy: { scope: 'approved', fallback: 'source' },
        approvedOnlyRule: true,
        fallbacks: 2,
      })
      expect((await auditActions())[0]).toBe('project.exportRule')
    } finally {
      expect((await setRule(manager, { approvedOnly: false })).status).toBe(200)
    }
    expect(await exportText('&scope=all')).toBe(`${APPROVED}\n${TRANSLATED}\nЗал закрыт.\n`)
  })

  test('a bad rule is refused with 400 and changes nothing, not even the audit log', async () => {
    const before = await auditActions()
    for (const body of [{ approvedOnly: 'yes' }, {}, { approvedOnly: 1 }]) {
      const response = await setRule(workspace.admin, body)
      expect(response.status).toBe(400)
    }
    expect(await ruleIsApprovedOnly()).toBe(false)
    expect(await auditActions()).toEqual(before)
  })
})

describe('who may see the report and set the rule', () => {
  const ROLES: ProjectRole[] = ['viewer', 'translator', 'reviewer', 'manager']
  const members = new Map<string, Session>()

  beforeAll(async () => {
    for (const role of ROLES) members.set(role, await workspace.member(role))
    members.set('outsider', await createUser(server.url, workspace.admin, 'export-outsider'))
  })

  test.each([
    ['anonymous', 401, 401],
    ['outsider', 404, 404],
    ['viewer', 403, 403],
    ['translator', 403, 403],
    ['reviewer', 403, 403],
    ['manager', 200, 200],
    ['admin', 200, 200],
  ] as const)('%s: the report answers %i, setting the rule %i', async (who, report, rule) => {
    const session =
      who === 'anonymous' ? null : who === 'admin' ? workspace.admin : members.get(who)!
    const reportResponse = await get(`/api/documents/${documentId}/export/report`, session)
    expect(reportResponse.status).toBe(report)
    const ruleResponse = await fetch(
      `${server.url}/api/projects/${workspace.projectId}/export-rule`,
      {
        method: 'PUT',
        headers: asUser(session, { 'content-type': 'application/json' }),
        body: JSON.stringify({ approvedOnly: false }),
      },
    )
    expect(ruleResponse.status).toBe(rule)
    expect(await ruleIsApprovedOnly()).toBe(false)
  })
})
