import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, test } from 'vitest'
import { parseXliff12, parseXliff20 } from '@qalam/shared/formats'
import { readSegments, setStatus, setTargetTagged, type SegmentView } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { postImport } from '../support/documentsApi.ts'
import { attemptImport } from '../support/importAttempt.ts'
import { readStoredDocument, storedContent } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { transformTarget, untransformTarget } from '../formats/transformTarget.ts'

/*
 * XLIFF through the real server: the import detects the format from the content and keeps the
 * original file, translators fill targets over the sync socket, the export writes them back
 * into the original, and a re-import of the export gives the same segments and tags.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/xliff')
const fixture = (name: string) => readFileSync(join(FIXTURES, name))

let server: TestServer | null = null
const clients: SyncClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

async function exportAs(workspace: Workspace, id: string, format: string) {
  return fetch(`${workspace.serverUrl}/api/documents/${id}/export?format=${format}`, {
    headers: asUser(workspace.admin),
  })
}

/** Fills every target through a reviewer's sync client (approved ones too), as the editor would. */
async function fillTargets(workspace: Workspace, id: string, translator: Session) {
  const client = connectClient(workspace.serverUrl, id, translator)
  clients.push(client)
  await client.synced()
  for (const segment of readSegments(client.doc)) {
    // translate="no": protected, the server refuses any change to it.
    if (segment.isProtected) continue
    const target = transformTarget({ text: segment.source, tags: segment.sourceTags })
    // Status first: an approved segment is reopened before its target may change.
    setStatus(client.doc, segment.id, 'translated', translator.user.id)
    setTargetTagged(client.doc, segment.id, target, translator.user.id)
  }
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server!.databaseFile, id))
    expect(stored.every((segment) => segment.isProtected || segment.status === 'translated')).toBe(
      true,
    )
  })
}

const shape = (segments: SegmentView[]) =>
  segments.map((segment) => ({
    source: segment.source,
    sourceTags: segment.sourceTags,
    tags: segment.tags,
  }))

describe.each([
  ['trados-like.sdlxliff', 'xliff12'],
  ['memoq-like.mqxliff', 'xliff12'],
  ['features-2.0.xlf', 'xliff20'],
])('%s through the server', (name, format) => {
  test('imports by content, exports into the original, and re-imports the same segments', async () => {
    server = await startTestServer()
    const workspace = await createWorkspace(server)
    const translator = await workspace.member('reviewer')
    // The name says text: the content decides.
    const imported = await workspace.importDocument({
      bytes: fixture(name),
      fileName: 'upload.txt',
    })
    const first = readSegments(readStoredDocument(server.databaseFile, imported.id))
    expect(first.length).toBe(imported.segments)

    await fillTargets(workspace, imported.id, translator)
    const response = await exportAs(workspace, imported.id, format)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('upload.txt')
    const exported = new Uint8Array(await response.arrayBuffer())
    const parse = format === 'xliff12' ? parseXliff12 : parseXliff20
    expect(() => parse(new TextDecoder().decode(exported))).not.toThrow()

    const again = await workspace.importDocument({ bytes: exported, fileName: name })
    const second = readSegments(readStoredDocument(server.databaseFile, again.id))
    expect(shape(second)).toEqual(shape(first))
    second.forEach((segment, index) => {
      expect(segment.isProtected).toBe(first[index]!.isProtected)
      if (segment.isProtected) return
      expect(untransformTarget({ text: segment.target, tags: segment.targetTags })).toEqual({
        text: first[index]!.source,
        tags: first[index]!.sourceTags,
      })
      expect(segment.status).toBe('translated')
    })
  })
})

test('a UTF-16 file and a windows-1251 file are read and written back in their encoding', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const translator = await workspace.member('reviewer')
  const utf8 = fixture('features-2.0.xlf').toString('utf8')
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    iconv.encode(utf8.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf-16le'),
  ])
  const cp1251 = iconv.encode(
    utf8.replace('encoding="UTF-8"', 'encoding="windows-1251"'),
    'windows-1251',
  )
  for (const [bytes, encoding] of [
    [utf16, 'utf-16le'],
    [cp1251, 'windows-1251'],
  ] as const) {
    const imported = await workspace.importDocument({ bytes, fileName: 'fonds.xlf' })
    await fillTargets(workspace, imported.id, translator)
    const response = await exportAs(workspace, imported.id, 'xliff20')
    const exported = Buffer.from(await response.arrayBuffer())
    if (encoding === 'utf-16le') expect([...exported.subarray(0, 2)]).toEqual([0xff, 0xfe])
    const text = iconv.decode(encoding === 'utf-16le' ? exported.subarray(2) : exported, encoding)
    // Kazakh letters windows-1251 lacks are written as character references.
    expect(parseXliff20(text).segments[0]!.target).toBe('⟨фОНД аБАЯ И ЕГО ШКОЛА.⟩')
    expect(
      text.startsWith(
        `<?xml version="1.0" encoding="${encoding === 'utf-16le' ? 'UTF-16' : 'windows-1251'}"?>`,
      ),
    ).toBe(true)
  }
})

test('an XLIFF file keeps the encoding it declares: previewed as such, another one refused on import and export', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const cp1251 = iconv.encode(
    fixture('features-2.0.xlf')
      .toString('utf8')
      .replace('encoding="UTF-8"', 'encoding="windows-1251"'),
    'windows-1251',
  )
  const form = (fields: Record<string, string>) => {
    const body = new FormData()
    for (const [name, value] of Object.entries(fields)) body.append(name, value)
    body.append('file', new Blob([new Uint8Array(cp1251)]), 'fonds.xlf')
    return body
  }
  const preview = await fetch(`${workspace.serverUrl}/api/documents/preview`, {
    method: 'POST',
    headers: asUser(workspace.admin),
    body: form({ projectId: workspace.projectId }),
  })
  expect(preview.status).toBe(200)
  const shown = (await preview.json()) as { format: string; encoding: string; lines: string[] }
  expect(shown).toMatchObject({ format: 'xliff20', encoding: 'windows-1251' })
  expect(shown).not.toHaveProperty('detected')
  expect(shown.lines[0]).toContain('encoding="windows-1251"')

  const before = storedContent(server.databaseFile)
  const conflicting = await postImport(server.url, {
    session: workspace.admin,
    projectId: workspace.projectId,
    sourceLang: 'en',
    targetLang: 'kk',
    fileName: 'fonds.xlf',
    bytes: cp1251,
    encoding: 'koi8-r',
  })
  expect(conflicting.status).toBe(400)
  expect(await conflicting.json()).toMatchObject({ error: { code: 'import.encoding_conflict' } })
  expect(storedContent(server.databaseFile)).toEqual(before)

  const imported = await workspace.importDocument({ bytes: cp1251, fileName: 'fonds.xlf' })
  const refused = await fetch(
    `${workspace.serverUrl}/api/documents/${imported.id}/export?format=xliff20&encoding=utf-16le`,
    { headers: asUser(workspace.admin) },
  )
  expect(refused.status).toBe(400)
  expect(await refused.json()).toMatchObject({
    error: { code: 'export.encoding_not_applicable' },
  })
  const own = await fetch(
    `${workspace.serverUrl}/api/documents/${imported.id}/export?format=xliff20&encoding=original`,
    { headers: asUser(workspace.admin) },
  )
  expect(own.status).toBe(200)
  expect(Buffer.from(await own.arrayBuffer()).equals(cp1251)).toBe(true)
  // The file's encoding is the document's original one for a plain-text export too.
  const text = await fetch(
    `${workspace.serverUrl}/api/documents/${imported.id}/export?format=txt&encoding=original`,
    { headers: asUser(workspace.admin) },
  )
  expect(text.headers.get('content-type')).toContain('windows-1251')
})

test('a document imported from text exports as new XLIFF 1.2 and 2.0 files', async () => {
  server = await startTestServer()
  const workspace = await createWorkspace(server)
  const imported = await workspace.importDocument({ bytes: 'Бірінші сөйлем. Екінші сөйлем.' })
  for (const format of ['xliff12', 'xliff20']) {
    const response = await exportAs(workspace, imported.id, format)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/xliff+xml')
    const text = await response.text()
    const parse = format === 'xliff12' ? parseXliff12 : parseXliff20
    expect(parse(text).segments.map((segment) => segment.source)).toEqual([
      'Бірінші сөйлем.',
      'Екінші сөйлем.',
    ])
  }
})

describe('bad XLIFF files are refused with the reason, and nothing is stored', () => {
  const valid = fixture('features-1.2.xlf').toString('utf8')
  const cases: Array<[string, string | Uint8Array, number, string, string?]> = [
    [
      'a malformed file',
      valid.replace('</trans-unit>', '</trans-unt>'),
      400,
      'import.xliff_malformed',
    ],
    [
      'a file with a DTD',
      valid.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY a "aaaa">]>\n<xliff'),
      400,
      'import.xliff_dtd',
    ],
    [
      'entity expansion (a billion laughs)',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>',
      400,
      'import.xliff_dtd',
    ],
    [
      'an undeclared entity',
      valid.replace('Manuscripts &amp;', 'Manuscripts &ouml;'),
      400,
      'import.xliff_malformed',
    ],
    [
      'an unknown version',
      valid.replace('version="1.2"', 'version="1.1"'),
      400,
      'import.xliff_version',
    ],
    [
      'nesting past the depth limit',
      valid.replace('National', `${'<g id="d">'.repeat(120)}x${'</g>'.repeat(120)}`),
      413,
      'import.xliff_too_large',
    ],
    [
      'an encoding nobody knows',
      valid.replace('UTF-8', 'x-unheard-of'),
      400,
      'import.xml_encoding',
    ],
    [
      'bytes invalid in the declared encoding',
      new Uint8Array([
        ...Buffer.from(valid.slice(0, 200)),
        0xc3,
        0x28,
        ...Buffer.from(valid.slice(200)),
      ]),
      400,
      'import.xml_encoding',
    ],
    ['a file sent as 2.0 that is 1.2', valid, 400, 'import.format_mismatch', 'xliff20'],
    [
      'a file with nothing to translate',
      valid.replace('<body>', '<body><group translate="no">').replace('</body>', '</group></body>'),
      400,
      'import.no_segments',
    ],
  ]

  test.each(cases)('refuses %s', async (_name, bytes, status, code, format) => {
    server = await startTestServer()
    const attempt = await attemptImport(server, {
      fileName: 'bad.xlf',
      bytes,
      ...(format ? { format } : {}),
    })
    expect(attempt).toMatchObject({ status, error: { code }, nothingStored: true })
    expect(attempt.error!.message.length).toBeGreaterThan(10)
  })

  test('refuses a file over the upload limit before reading it', async () => {
    server = await startTestServer({ maxUploadBytes: 2000 })
    const attempt = await attemptImport(server, { bytes: valid })
    expect(attempt).toMatchObject({ status: 413, nothingStored: true })
  })
})
