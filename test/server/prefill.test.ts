import { afterAll, beforeAll, expect, test } from 'vitest'
import { readSegments, type DocumentExportView } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { postImport } from '../support/documentsApi.ts'
import { importTmxIntoProject, tmxOf } from '../support/memoryApi.ts'
import { connectClient } from '../support/syncClient.ts'
import { minimalDocx, plainParagraph } from '../formats/docxFixtures.ts'
import { currentExportView } from '../support/storedDocument.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * Pre-filling 100 % and 101 % matches at import, through the real server on SQLite: off by
 * default, set by managers only, and when on, exact matches filled in as drafts by the
 * importer with their origin in each segment's history and a count in the project's activity.
 */

const EXACT = 'Опись фонда составлена в прошлом году.'
const IN_CONTEXT = 'Фонд содержит рукописи и письма.'
const FIRST = 'Первое письмо директору архива.'
const FUZZY = 'Зал закрыт для посетителей ежедневно.'
const DOCUMENT = [FIRST, IN_CONTEXT, EXACT, FUZZY].join(' ')
const EXACT_KK = 'Қордың тізімдемесі өткен жылы жасалды.'
const IN_CONTEXT_KK = 'Қорда қолжазбалар мен хаттар бар.'

let server: TestServer
let workspace: Workspace
let manager: Session
let translator: Session

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Мұрағат')
  manager = await workspace.member('manager')
  translator = await workspace.member('translator')
  await importTmxIntoProject(
    server.url,
    workspace.admin,
    workspace.projectId,
    tmxOf([
      { source: EXACT, target: EXACT_KK, date: '20250301T120000Z' },
      { source: EXACT, target: 'Ескі аударма.', date: '20200101T120000Z' },
      { source: IN_CONTEXT, target: IN_CONTEXT_KK, prev: FIRST, next: EXACT },
      { source: 'Зал открыт для посетителей ежедневно.', target: 'Зал күн сайын ашық.' },
    ]),
  )
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

const setting = (session: Session, body?: unknown) =>
  fetch(`${server.url}/api/projects/${workspace.projectId}/prefill`, {
    method: body === undefined ? 'GET' : 'PUT',
    headers: asUser(session, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function importAndRead(title: string) {
  const response = await postImport(server.url, {
    session: manager,
    projectId: workspace.projectId,
    title,
    sourceLang: 'ru',
    targetLang: 'kk',
    bytes: DOCUMENT,
  })
  expect(response.status).toBe(201)
  const created = (await response.json()) as {
    id: string
    prefill?: { prefilled: number; segments: number }
  }
  // Before anyone opens it: the export view the import kept, as of its pre-fill.
  const kept = currentExportView(server.databaseFile, created.id) as DocumentExportView | null
  const client = connectClient(server.url, created.id, translator)
  await client.synced()
  const segments = readSegments(client.doc)
  client.destroy()
  return { created, segments, kept }
}

test('imports fill nothing while the project has not asked for it', async () => {
  expect(await (await setting(translator)).json()).toEqual({ prefillExactMatches: false })
  const { created, segments } = await importAndRead('Off')
  expect(created.prefill).toBeUndefined()
  expect(segments.map((segment) => segment.status)).toEqual(['new', 'new', 'new', 'new'])
  expect(segments.every((segment) => segment.target === '')).toBe(true)
})

test('only a manager turns the pre-fill on, and the activity says who', async () => {
  const refused = await setting(translator, { prefillExactMatches: true })
  expect(refused.status).toBe(403)
  expect(await (await setting(translator)).json()).toEqual({ prefillExactMatches: false })
  expect((await setting(manager, { prefillExactMatches: 'yes' })).status).toBe(400)
  const accepted = await setting(manager, { prefillExactMatches: true })
  expect(accepted.status).toBe(200)
  expect(await (await setting(translator)).json()).toEqual({ prefillExactMatches: true })
})

test('an import fills 100 % and 101 % matches as drafts by the importer, fuzzy ones stay new', async () => {
  const { created, segments, kept } = await importAndRead('On')
  expect(created.prefill).toEqual({ prefilled: 2, segments: 4 })
  expect(segments.map((segment) => [segment.status, segment.target])).toEqual([
    ['new', ''],
    ['draft', IN_CONTEXT_KK],
    // Two units with this source: the most recently changed one wins.
    ['draft', EXACT_KK],
    ['new', ''],
  ])
  // An export before anyone opens the document reads a view that has the fills.
  expect(kept?.segments.map((segment) => [segment.status, segment.target])).toEqual(
    segments.map((segment) => [segment.status, segment.target]),
  )
  expect(segments[1]!.updatedBy).toBe(manager.user.id)

  const history = await fetch(
    `${server.url}/api/documents/${created.id}/segments/${segments[1]!.id}/audit`,
    { headers: asUser(translator) },
  )
  const { entries } = (await history.json()) as {
    entries: Array<{ action: string; detail: Record<string, unknown> }>
  }
  expect(entries[0]).toMatchObject({
    action: 'status',
    detail: { from: 'new', to: 'draft', prefill: { percent: 101, memory: 'Мұрағат' } },
  })
  const activity = await fetch(`${server.url}/api/projects/${workspace.projectId}/audit`, {
    headers: asUser(manager),
  })
  const project = (await activity.json()) as {
    entries: Array<{ action: string; detail: Record<string, unknown> }>
  }
  expect(project.entries.find((entry) => entry.action === 'document.prefill')).toMatchObject({
    detail: { prefilled: 2, segments: 4 },
  })
  expect(project.entries.find((entry) => entry.action === 'project.prefillRule')).toMatchObject({
    detail: { prefillExactMatches: true },
  })
})

test('a unit the file says is not to be translated is never pre-filled, even on an exact match', async () => {
  const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="fond.txt" source-language="ru" target-language="kk" datatype="plaintext">
    <body>
      <trans-unit id="open"><source>${EXACT}</source></trans-unit>
      <trans-unit id="locked" translate="no"><source>${EXACT}</source></trans-unit>
    </body>
  </file>
</xliff>
`
  const response = await postImport(server.url, {
    session: manager,
    projectId: workspace.projectId,
    title: 'Protected',
    sourceLang: 'ru',
    targetLang: 'kk',
    bytes: xliff,
  })
  expect(response.status).toBe(201)
  const created = (await response.json()) as { id: string; prefill?: { prefilled: number } }
  expect(created.prefill).toMatchObject({ prefilled: 1 })
  const client = connectClient(server.url, created.id, translator)
  await client.synced()
  const segments = readSegments(client.doc)
  client.destroy()
  expect(segments.map((segment) => [segment.isProtected, segment.status, segment.target])).toEqual([
    [false, 'draft', EXACT_KK],
    [true, 'new', ''],
  ])
})

test('HTML, Markdown and DOCX imports are pre-filled as well', async () => {
  const files = [
    { fileName: 'fond.md', bytes: `# Опись\n\n${EXACT}\n` },
    { fileName: 'fond.html', bytes: `<!DOCTYPE html><html><body><p>${EXACT}</p></body></html>` },
    { fileName: 'fond.docx', bytes: minimalDocx({ body: plainParagraph(EXACT) }) },
  ]
  for (const file of files) {
    const response = await postImport(server.url, {
      session: manager,
      projectId: workspace.projectId,
      title: file.fileName,
      sourceLang: 'ru',
      targetLang: 'kk',
      ...file,
    })
    expect(response.status, file.fileName).toBe(201)
    const created = (await response.json()) as { id: string; prefill?: { prefilled: number } }
    expect(created.prefill, file.fileName).toMatchObject({ prefilled: 1 })
    const kept = currentExportView(server.databaseFile, created.id) as DocumentExportView
    expect(
      kept.segments.filter((segment) => segment.source === EXACT).map((s) => s.target),
      file.fileName,
    ).toEqual([EXACT_KK])
  }
})
