import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetTagged } from '@qalam/shared/model'
import { asUser } from '../support/accounts.ts'
import {
  dropKeptExportViews,
  keptExportViews,
  readStoredDocument,
} from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { transformTarget } from '../formats/transformTarget.ts'

/*
 * A document nobody has open is replayed in a worker, which hands back the export view the
 * open room's document gives, and every file is written from that view in another worker.
 * A room that unloads keeps that view in the store, and an export reads it instead. Either
 * way each export, the pre-export report, the review table, a segment's matches and the term
 * check read the same from the store as while the document was open: the same bytes and
 * headers, whatever the format and policy.
 */

let server: TestServer | null = null
const clients: SyncClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

const xliff = readFileSync(join(import.meta.dirname, '../fixtures/xliff/features-1.2.xlf'))

const EXPORTS = [
  // Into the imported XLIFF 1.2; as a new XLIFF 2.0 file (writing the tags' copies of markup).
  'format=xliff12',
  'format=xliff20',
  'format=xliff20&scope=approved&fallback=empty',
  'format=tmx',
  'format=tmx&scope=approved',
  'format=txt',
  'format=txt&scope=approved&fallback=marked&encoding=utf-16le',
  'export/report?scope=approved&fallback=source',
  'format=review-docx&locale=kk',
  'format=review-html&locale=ar',
]

interface Answer {
  status: number
  headers: Record<string, string | null>
  body: string
}

async function fetchAll(
  url: string,
  id: string,
  cookie: Record<string, string>,
  reads: string[] = [],
) {
  const answers: Record<string, Answer> = {}
  for (const query of [...EXPORTS, ...reads]) {
    const path = query.startsWith('format=') ? `export?${query}` : query
    const response = await fetch(`${url}/api/documents/${id}/${path}`, { headers: cookie })
    const headers = Object.fromEntries(
      ['content-type', 'content-disposition', 'x-untranslated-segments', 'x-export-scope'].map(
        (name) => [name, response.headers.get(name)],
      ),
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    // A review table names when it was made: compare what follows its heading. A DOCX's zip
    // holds file times: compare its size and status only (its rows are read elsewhere).
    // The memories' revision counts writes since the server started: it is left out.
    const body = query.includes('review-docx')
      ? String(bytes.length > 0)
      : query.startsWith('matches')
        ? JSON.stringify({
            ...(JSON.parse(new TextDecoder().decode(bytes)) as object),
            revision: 0,
          })
        : new TextDecoder().decode(bytes).replace(/^[\s\S]*?<table/, '<table')
    answers[query] = { status: response.status, headers, body }
  }
  return answers
}

test('exports, matches and the term check of a document nobody has open read as while it was open', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const reviewer = await workspace.member('reviewer')
  await workspace.createGlossary('Archive', [
    {
      terms: [
        { lang: 'en', text: 'incunabula' },
        { lang: 'kk', text: 'инкунабула' },
      ],
    },
  ])
  const imported = await workspace.importDocument({
    bytes: xliff,
    fileName: 'features.xlf',
    sourceLang: 'en',
    targetLang: 'kk',
  })
  const client = connectClient(workspace.serverUrl, imported.id, reviewer)
  clients.push(client)
  await client.synced()
  readSegments(client.doc).forEach((segment, index) => {
    if (segment.isProtected) return
    const target = transformTarget({ text: segment.source, tags: segment.sourceTags })
    // Reopened first (the file may hold approved units), approved after the text went in.
    setStatus(client.doc, segment.id, 'translated', reviewer.user.id)
    setTargetTagged(client.doc, segment.id, target, reviewer.user.id)
    if (index % 2) setStatus(client.doc, segment.id, 'approved', reviewer.user.id)
  })
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server!.databaseFile, imported.id))
    expect(stored.map((segment) => [segment.target, segment.status])).toEqual(
      readSegments(client.doc).map((segment) => [segment.target, segment.status]),
    )
  })
  const cookie = asUser(workspace.admin)
  // What a member reads of the document besides exports: a segment's matches (with its
  // repetitions), the term check and the analysis, which read a stored document through its
  // view too. (The analysis, whose worker takes seconds to start under tsx, is asked twice.)
  const repeated = readSegments(client.doc).find((segment) => segment.source.startsWith('Press'))!
  const reads = [`matches?segment=${repeated.id}`, 'glossary/check']
  const whileOpen = await fetchAll(server.url, imported.id, cookie, [...reads, 'analysis'])
  // Six segments, two of them protected by the file (translate="no"): four to translate.
  expect(JSON.parse(whileOpen.analysis!.body)).toMatchObject({ total: { segments: 4 } })
  for (const [query, answer] of Object.entries(whileOpen)) {
    expect(answer.status, query).toBe(200)
  }
  expect(JSON.parse(whileOpen['glossary/check']!.body)).toMatchObject({
    findings: [expect.objectContaining({ kind: 'missing', terms: ['инкунабула'] })],
  })
  // The new XLIFF 2.0 file carries the tags' original markup, which only XLIFF and TMX get.
  expect(whileOpen['format=xliff20']!.body).toContain('<data id="d1s">&lt;i&gt;</data>')
  expect(
    whileOpen['format=txt&scope=approved&fallback=marked&encoding=utf-16le']!.headers,
  ).toMatchObject({ 'content-type': 'text/plain; charset=utf-16le' })

  // A restarted server has no room open: the answers come from the view the room kept when
  // it unloaded at the shutdown.
  for (const each of clients.splice(0)) each.destroy()
  await server.close()
  expect(keptExportViews(server.databaseFile)).toBe(1)
  server = await server.restart()
  const withoutAnalysis = Object.fromEntries(
    Object.entries(whileOpen).filter(([query]) => query !== 'analysis'),
  )
  expect(await fetchAll(server.url, imported.id, cookie, reads)).toEqual(withoutAnalysis)

  // Without it (a server that died before unloading), from the stored rows replayed.
  await server.close()
  dropKeptExportViews(server.databaseFile)
  server = await server.restart()
  expect(await fetchAll(server.url, imported.id, cookie, [...reads, 'analysis'])).toEqual(whileOpen)
})

test('a document nobody has opened yet exports from the view its import kept', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const imported = await workspace.importDocument({
    bytes: xliff,
    fileName: 'features.xlf',
    sourceLang: 'en',
    targetLang: 'kk',
  })
  expect(keptExportViews(server.databaseFile)).toBe(1)
  const cookie = asUser(workspace.admin)
  const fromKeptView = await fetchAll(server.url, imported.id, cookie)
  expect(fromKeptView['format=xliff20']!.status).toBe(200)
  // The translations the file came with are in it, as the replayed document has them.
  expect(fromKeptView['format=tmx']!.body).toContain('<tu ')
  dropKeptExportViews(server.databaseFile)
  expect(await fetchAll(server.url, imported.id, cookie)).toEqual(fromKeptView)
})
