import { zipSync, strToU8 } from 'fflate'
import { afterEach, describe, expect, test } from 'vitest'
import { parseDocx, readZip, writeZip } from '@qalam/shared/formats'
import { readSegments, setStatus, setTargetTagged, type SegmentView } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { attemptImport } from '../support/importAttempt.ts'
import { readStoredDocument } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import {
  FIELDS_BODY,
  minimalDocx,
  plainParagraph,
  richDocx,
  rot13,
} from '../formats/docxFixtures.ts'

/*
 * DOCX through the real server: detected from the content, parsed in the worker pool, the
 * original kept; translators fill targets over the sync socket; the export writes them into
 * the original; hostile packages are refused with their reason and store nothing.
 */

let server: TestServer | null = null
const clients: SyncClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

function exportDocx(workspace: Workspace, id: string, query = '') {
  return fetch(`${workspace.serverUrl}/api/documents/${id}/export?format=docx${query}`, {
    headers: asUser(workspace.admin),
  })
}

/** Every target the ROT13 of its source, tags in place; `approve` picks the approved ones. */
async function fillTargets(
  workspace: Workspace,
  id: string,
  reviewer: Session,
  approve: (index: number) => boolean = () => false,
) {
  const client = connectClient(workspace.serverUrl, id, reviewer)
  clients.push(client)
  await client.synced()
  readSegments(client.doc).forEach((segment, index) => {
    const target = { text: rot13(segment.source), tags: segment.sourceTags }
    setTargetTagged(client.doc, segment.id, target, reviewer.user.id)
    setStatus(client.doc, segment.id, approve(index) ? 'approved' : 'translated', reviewer.user.id)
  })
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server!.databaseFile, id))
    expect(stored.every((segment) => segment.status !== 'new')).toBe(true)
  })
}

function documentXml(bytes: Uint8Array): string {
  const archive = readZip(bytes)
  return archive.readText(archive.entry('word/document.xml')!)
}

const shape = (segments: SegmentView[]) =>
  segments.map((segment) => ({
    source: segment.source,
    sourceTags: segment.sourceTags,
    tags: segment.tags.map((tag) => [tag.kind, tag.n, tag.label]),
  }))

test('imports a DOCX by its content, exports into the original, and re-imports the same', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const reviewer = await workspace.member('reviewer')
  const original = await richDocx()
  // The name says text: the content decides.
  const imported = await workspace.importDocument({
    bytes: original,
    fileName: 'report.docx.bin',
    sourceLang: 'en',
    targetLang: 'ar',
  })
  const first = readSegments(readStoredDocument(server.databaseFile, imported.id))
  expect(first.length).toBe(imported.segments)
  expect(first.some((segment) => segment.tags.length > 0)).toBe(true)

  await fillTargets(workspace, imported.id, reviewer)
  const response = await exportDocx(workspace, imported.id)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('wordprocessingml.document')
  expect(response.headers.get('content-disposition')).toContain('report.docx.bin')
  const exported = new Uint8Array(await response.arrayBuffer())
  // ROT13 is Latin text: no right-to-left properties for it (they would flip its punctuation).
  expect(documentXml(exported)).not.toContain('<w:rtl/>')

  const again = await workspace.importDocument({
    bytes: exported,
    fileName: 'again.docx',
    sourceLang: 'en',
    targetLang: 'ar',
  })
  const second = readSegments(readStoredDocument(server.databaseFile, again.id))
  expect(second.map((segment) => rot13(segment.source))).toEqual(first.map((s) => s.source))
  expect(second.map((segment) => segment.sourceTags)).toEqual(first.map((s) => s.sourceTags))
  expect(shape(second).map((s) => s.tags.map(([kind, n]) => [kind, n]))).toEqual(
    shape(first).map((s) => s.tags.map(([kind, n]) => [kind, n])),
  )

  // An Arabic title: its paragraph right to left, its runs too.
  const client = clients[0]!
  const title = readSegments(client.doc)[0]!
  setTargetTagged(client.doc, title.id, { text: 'عنوان قصير', tags: [] }, reviewer.user.id)
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server!.databaseFile, imported.id))
    expect(stored[0]!.target).toBe('عنوان قصير')
  })
  const arabic = documentXml(
    new Uint8Array(await (await exportDocx(workspace, imported.id)).arrayBuffer()),
  )
  const paragraph = arabic.slice(arabic.lastIndexOf('<w:p>', arabic.indexOf('عنوان قصير')))
  expect(paragraph.slice(0, paragraph.indexOf('</w:p>'))).toMatch(/<w:bidi\/>.*<w:rtl\/>/)
})

test('a table of contents and fields across paragraphs come back whole from the server', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const reviewer = await workspace.member('reviewer')
  const original = minimalDocx({ body: FIELDS_BODY })
  const imported = await workspace.importDocument({
    bytes: original,
    fileName: 'fields.docx',
    sourceLang: 'en',
    targetLang: 'kk',
  })
  const stored = readSegments(readStoredDocument(server.databaseFile, imported.id))
  // No field code is text to translate: not the TOC's, nor the IF's in the paragraph it runs into.
  for (const code of ['TOC', 'PAGEREF', 'MERGEFIELD', 'Aigerim', 'SEQ', 'HYPERLINK'])
    expect(stored.map((segment) => segment.source).join('|')).not.toContain(code)
  await fillTargets(workspace, imported.id, reviewer)
  const response = await exportDocx(workspace, imported.id)
  expect(response.status).toBe(200)
  const fields = (xml: string) =>
    xml.match(/fldCharType="\w+"|<w:instrText[^>]*>[^<]*<\/w:instrText>|<w:fldSimple [^>]*>/g)
  const exported = documentXml(new Uint8Array(await response.arrayBuffer()))
  expect(fields(exported)).toEqual(fields(documentXml(original)))
  expect(exported).toContain(rot13('Why fields matter'))
})

test('the export policy applies: approved only, the rest in the source', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const reviewer = await workspace.member('reviewer')
  const bytes = minimalDocx({
    body: plainParagraph('First sentence.') + plainParagraph('Second sentence.'),
  })
  const imported = await workspace.importDocument({ bytes, sourceLang: 'en', targetLang: 'de' })
  await fillTargets(workspace, imported.id, reviewer, (index) => index === 0)
  const response = await exportDocx(workspace, imported.id, '&scope=approved&fallback=source')
  expect(response.status).toBe(200)
  expect(response.headers.get('x-untranslated-segments')).toBe('1')
  const segments = parseDocx(new Uint8Array(await response.arrayBuffer()), { lang: 'en' }).segments
  expect(segments.map((segment) => segment.source)).toEqual([
    rot13('First sentence.'),
    'Second sentence.',
  ])
})

test('a DOCX nobody has open is written from the store as it was while open', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const reviewer = await workspace.member('reviewer')
  const bytes = await richDocx()
  const imported = await workspace.importDocument({ bytes, sourceLang: 'en', targetLang: 'ar' })
  await fillTargets(workspace, imported.id, reviewer, (index) => index % 2 === 0)
  const query = '&scope=approved&fallback=marked'
  const open = await exportDocx(workspace, imported.id, query)
  expect(open.status).toBe(200)
  const whileOpen = new Uint8Array(await open.arrayBuffer())
  expect(documentXml(whileOpen)).toContain(rot13(readSegments(clients[0]!.doc)[0]!.source))

  // A restarted server has no room open: the worker replays the stored document itself.
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
  server = await server.restart()
  const stored = await fetch(
    `${server.url}/api/documents/${imported.id}/export?format=docx${query}`,
    { headers: asUser(workspace.admin) },
  )
  expect(stored.status).toBe(200)
  expect(stored.headers.get('x-untranslated-segments')).toBe(
    open.headers.get('x-untranslated-segments'),
  )
  expect(new Uint8Array(await stored.arrayBuffer())).toEqual(whileOpen)
})

test('a document imported from text has no DOCX to write into', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const imported = await workspace.importDocument({ bytes: 'Just text.' })
  const response = await exportDocx(workspace, imported.id)
  expect(response.status).toBe(400)
  expect(await response.json()).toMatchObject({ error: { code: 'export.no_original' } })
})

test('the preview shows the first paragraphs and says when there are tracked changes', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const tracked = minimalDocx({
    body: '<w:p><w:ins w:id="1" w:author="A"><w:r><w:t>Inserted words.</w:t></w:r></w:ins></w:p>',
  })
  const form = new FormData()
  form.append('projectId', workspace.projectId)
  form.append('file', new Blob([new Uint8Array(tracked)]), 'tracked.docx')
  const preview = await fetch(`${workspace.serverUrl}/api/documents/preview`, {
    method: 'POST',
    headers: asUser(workspace.admin),
    body: form,
  })
  expect(await preview.json()).toEqual({
    format: 'docx',
    lines: ['Inserted words.'],
    trackedChanges: true,
  })
})

const PLAIN = () => minimalDocx({ body: plainParagraph('Some text.') })

/** A package whose entries are exactly these (names as given, even hostile ones). */
function packageOf(files: Array<[string, string | Uint8Array]>): Uint8Array {
  return writeZip(
    files.map(([name, data]) => ({
      kind: 'new',
      name,
      data: typeof data === 'string' ? strToU8(data) : data,
    })),
  )
}

/** The minimal package's entries plus `extra`. */
function withEntries(extra: Array<[string, string | Uint8Array]>): Uint8Array {
  const archive = readZip(PLAIN())
  return packageOf([
    ...archive.entries.map((entry): [string, Uint8Array] => [entry.name, archive.read(entry)]),
    ...extra,
  ])
}

describe('hostile or unreadable DOCX files are refused with the reason, and nothing is stored', () => {
  const ole = new Uint8Array(1024)
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  const withProlog = (prolog: string, body = plainParagraph('x')) => minimalDocx({ body, prolog })
  const cases: Array<[string, () => Uint8Array, number, string, Record<string, string>?]> = [
    [
      'a zip bomb',
      () => {
        const archive = readZip(PLAIN())
        const files: Record<string, Uint8Array> = {}
        for (const entry of archive.entries) files[entry.name] = archive.read(entry)
        files['word/media/bomb.bin'] = new Uint8Array(20 * 1024 * 1024)
        return zipSync(files, { level: 9 })
      },
      413,
      'import.zip_bomb',
    ],
    [
      'path traversal',
      () => withEntries([['word/../../evil.xml', 'x']]),
      400,
      'import.zip_unsafe_path',
    ],
    [
      'an absolute path',
      () => withEntries([['/etc/cron.d/evil', 'x']]),
      400,
      'import.zip_unsafe_path',
    ],
    [
      'duplicate entry names',
      () => withEntries([['WORD/document.xml', '<x/>']]),
      400,
      'import.zip_duplicate',
    ],
    ['a DTD in document.xml', () => withProlog('<!DOCTYPE w:document>'), 400, 'import.docx_dtd'],
    [
      'an external entity',
      () =>
        withProlog(
          '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
          plainParagraph('&xxe;'),
        ),
      400,
      'import.docx_dtd',
    ],
    [
      'entity expansion (a billion laughs)',
      () =>
        withProlog(
          '<!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>',
          plainParagraph('&lol2;'),
        ),
      400,
      'import.docx_dtd',
    ],
    [
      'macros',
      () => withEntries([['word/vbaProject.bin', new Uint8Array([1, 2, 3])]]),
      400,
      'import.macros',
    ],
    [
      'a macro-enabled document (.docm)',
      () =>
        minimalDocx({
          body: plainParagraph('x'),
          mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml',
        }),
      400,
      'import.macros',
    ],
    ['an encrypted (OLE) Word file', () => ole, 400, 'import.encrypted'],
    ['a corrupt zip', () => PLAIN().subarray(0, 200), 400, 'import.zip_corrupt'],
    [
      'a zip that is no Word document',
      () => packageOf([['mimetype', 'application/epub+zip']]),
      400,
      'import.not_docx',
    ],
    [
      'tracked changes, not accepted',
      () =>
        minimalDocx({
          body: '<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>Gone.</w:delText></w:r></w:del><w:r><w:t>Kept.</w:t></w:r></w:p>',
        }),
      400,
      'import.docx_tracked_changes',
    ],
    ['a zip sent as XLIFF', PLAIN, 400, 'import.format_mismatch', { format: 'xliff12' }],
  ]

  test.each(cases)('refuses %s', async (_name, make, status, code, fields) => {
    server = await startTestServer()
    const attempt = await attemptImport(server, { fileName: 'bad.docx', bytes: make(), ...fields })
    expect(attempt).toMatchObject({ status, error: { code }, nothingStored: true })
    expect(attempt.error!.message.length).toBeGreaterThan(10)
  })

  test('refuses a file over the upload limit before reading it', async () => {
    server = await startTestServer({ maxUploadBytes: 2000 })
    const attempt = await attemptImport(server, { bytes: await richDocx() })
    expect(attempt).toMatchObject({ status: 413, nothingStored: true })
  })

  test('imports tracked changes when asked to accept them', async () => {
    server = await startTestServer()
    const workspace = await createWorkspace(server)
    const imported = await workspace.importDocument({
      bytes: minimalDocx({
        body: '<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>Gone. </w:delText></w:r></w:del><w:r><w:t>Kept.</w:t></w:r></w:p>',
      }),
      sourceLang: 'en',
      targetLang: 'kk',
      trackedChanges: 'accept',
    })
    const segments = readSegments(readStoredDocument(server.databaseFile, imported.id))
    expect(segments.map((segment) => segment.source)).toEqual(['Kept.'])
  })
})
