import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createTmxParser, parseHtml, parseMarkdown, type TmxUnit } from '@qalam/shared/formats'
import { randomUUID } from 'node:crypto'
import { readSegments, setStatus, setTargetTagged, type SegmentView } from '@qalam/shared/model'
import { defaultConfig } from '../../server/config.ts'
import { asUser, type Session } from '../support/accounts.ts'
import { postLargeImport } from '../support/documentsApi.ts'
import { importPhase, stallUpload } from '../support/importProgress.ts'
import { readStoredDocument, storedContent } from '../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { transformTarget } from '../formats/transformTarget.ts'

/*
 * HTML, Markdown and the TMX of a document through the real server: the format is told by the
 * content (the user choosing among text formats), the original is kept, translators fill
 * targets over the sync socket, the export splices them into the original in its encoding,
 * and a re-import gives the translated units back. Hostile files are refused with a 4xx and
 * leave the store as it was.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/markup')
const fixture = (name: string) => readFileSync(join(FIXTURES, name))

const clients: SyncClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

async function exportAs(workspace: Workspace, id: string, query: string) {
  return fetch(`${workspace.serverUrl}/api/documents/${id}/export?${query}`, {
    headers: asUser(workspace.admin),
  })
}

async function fillTargets(server: TestServer, workspace: Workspace, id: string, by: Session) {
  const client = connectClient(workspace.serverUrl, id, by)
  clients.push(client)
  await client.synced()
  const segments = readSegments(client.doc)
  for (const segment of segments) {
    setTargetTagged(
      client.doc,
      segment.id,
      transformTarget({ text: segment.source, tags: segment.sourceTags }),
      by.user.id,
    )
    setStatus(client.doc, segment.id, 'translated', by.user.id)
  }
  // The first segment approved: a TMX of approved pairs only holds it alone.
  setStatus(client.doc, segments[0]!.id, 'approved', by.user.id)
  await waitFor(() => {
    const stored = readSegments(readStoredDocument(server.databaseFile, id))
    expect(stored.every((segment) => segment.status !== 'new')).toBe(true)
    expect(stored[0]!.status).toBe('approved')
  })
  return segments
}

const transformedUnits = (segments: readonly SegmentView[]) => {
  const units = new Map<number, string>()
  for (const segment of segments) {
    const previous = units.get(segment.paragraph)
    const text = transformTarget({ text: segment.source, tags: [] }).text
    units.set(segment.paragraph, previous === undefined ? text : previous + segment.before + text)
  }
  return [...units.values()]
}

describe('round trips through the server', () => {
  let server: TestServer
  let workspace: Workspace
  let translator: Session
  beforeAll(async () => {
    server = await startTestServer()
    workspace = await createWorkspace(server)
    translator = await workspace.member('reviewer')
  })
  afterAll(() => server.dispose())

  test.each([
    ['archive-page.html', 'html', 'text/html'],
    ['guide.md', 'md', 'text/markdown'],
  ])(
    '%s: imported by content, translated, exported into the original, re-imported',
    async (name, format, type) => {
      const imported = await workspace.importDocument({ bytes: fixture(name), fileName: name })
      const first = readSegments(readStoredDocument(server.databaseFile, imported.id))
      expect(first.length).toBe(imported.segments)
      expect(first.some((segment) => segment.tags.length > 0)).toBe(true)
      await fillTargets(server, workspace, imported.id, translator)

      const response = await exportAs(workspace, imported.id, `format=${format}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain(type)
      const exported = await response.text()
      if (format === 'html') expect(exported).toContain('<html lang="kk">')
      const parse = format === 'html' ? parseHtml : parseMarkdown
      const again = parse(exported, 'kk')
      const units = new Map<number, string>()
      for (const init of again) {
        const previous = units.get(init.paragraph)
        units.set(
          init.paragraph,
          previous === undefined ? init.source : previous + init.before + init.source,
        )
      }
      expect([...units.values()]).toEqual(transformedUnits(first))
    },
  )

  test('an HTML file in windows-1251 is read and written back in it', async () => {
    const page = fixture('archive-page.html')
      .toString('utf8')
      .replace('charset="utf-8"', 'charset="windows-1251"')
    const bytes = iconv.encode(page.replace('©', '(c)').replace('— ', '- '), 'windows-1251')
    const imported = await workspace.importDocument({ bytes, fileName: 'fond.html' })
    const first = readSegments(readStoredDocument(server.databaseFile, imported.id))
    expect(first.map((segment) => segment.source)).toContain('Главное меню')
    await fillTargets(server, workspace, imported.id, translator)
    const response = await exportAs(workspace, imported.id, 'format=html')
    const exported = new Uint8Array(await response.arrayBuffer())
    const text = iconv.decode(Buffer.from(exported), 'windows-1251')
    expect(text).toContain('charset="windows-1251"')
    expect(text).toContain('⟨гЛАВНОЕ МЕНЮ⟩'.replace('⟨', '&#10216;').replace('⟩', '&#10217;'))
  })

  test('TMX of a document: translated pairs with tags, approved ones only by policy', async () => {
    const imported = await workspace.importDocument({
      bytes: fixture('guide.md'),
      fileName: 'guide.md',
    })
    const segments = await fillTargets(server, workspace, imported.id, translator)
    const read = async (query: string) => {
      const response = await exportAs(workspace, imported.id, query)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('application/x-tmx+xml')
      const units: TmxUnit[] = []
      const parser = createTmxParser({ unit: (unit) => units.push(unit) })
      parser.write(new Uint8Array(await response.arrayBuffer()))
      parser.close()
      return units
    }
    const all = await read('format=tmx')
    expect(all.length).toBe(segments.length)
    const tagged = all.find((unit) => unit.variants[0]!.seg.tags.length > 0)!
    expect(tagged.variants[0]!.seg.tags.map((tag) => tag.xml).join('')).toMatch(/<(bpt|ph|it)\b/)
    expect(tagged.variants[1]!.lang).toBe('kk')
    const approved = await read('format=tmx&scope=approved')
    expect(approved.map((unit) => unit.variants[0]!.seg.text)).toEqual([segments[0]!.source])
  })

  test('HTML and Markdown export need their original; an unknown format is refused', async () => {
    const imported = await workspace.importDocument({ bytes: 'Бірінші сөйлем. Екінші сөйлем.' })
    for (const format of ['html', 'md']) {
      const response = await exportAs(workspace, imported.id, `format=${format}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'export.no_original',
      )
    }
    const unknown = await exportAs(workspace, imported.id, 'format=docx-not-yet')
    expect(unknown.status).toBe(400)
  })

  test('the user chooses among text formats: Markdown read as plain text on request', async () => {
    const asText = await workspace.importDocument({
      bytes: fixture('guide.md'),
      fileName: 'guide.md',
      format: 'txt',
    })
    const segments = readSegments(readStoredDocument(server.databaseFile, asText.id))
    expect(segments.some((segment) => segment.source.includes('**письма**'))).toBe(true)
    const asMarkdown = await workspace.importDocument({
      bytes: 'Just a line of prose.',
      format: 'md',
    })
    expect(asMarkdown.segments).toBe(1)
  })
})

describe('hostile files are refused with the reason, and nothing is stored', () => {
  let server: TestServer
  let workspace: Workspace
  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 60_000_000 })
    workspace = await createWorkspace(server)
  })
  afterAll(() => server.dispose())

  const zip = new Uint8Array([
    0x50,
    0x4b,
    0x03,
    0x04,
    0x14,
    0,
    0,
    0,
    8,
    0,
    ...new Array<number>(200).fill(0x11),
  ])
  const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)
  const cases: Array<[string, () => string | Uint8Array, string | undefined, number, string]> = [
    [
      'deeply nested HTML',
      () => `<!DOCTYPE html><body>${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}`,
      undefined,
      422,
      'import.markup_too_deep',
    ],
    [
      'a huge attribute',
      () => `<!DOCTYPE html><body><img alt="${'a'.repeat(1_100_000)}"><p>x</p>`,
      undefined,
      413,
      'import.markup_too_long',
    ],
    [
      'HTML that is not valid UTF-8',
      () =>
        new Uint8Array([
          ...Buffer.from('<!DOCTYPE html><meta charset="utf-8"><p>Привет '),
          0xc3,
          0x28,
          ...Buffer.from('</p>'),
        ]),
      undefined,
      400,
      'import.not_utf8',
    ],
    [
      'a 50 MB single line of Markdown',
      () => `# Title\n\n${'слово '.repeat(4_400_000)}\n`,
      'md',
      413,
      'import.markup_too_long',
    ],
    ['binary garbage sent as Markdown', () => garbage, 'md', 400, 'import.format_mismatch'],
    ['a zip sent as HTML', () => zip, 'html', 400, 'import.format_mismatch'],
    [
      'an HTML page with nothing to translate',
      () =>
        '<!DOCTYPE html><html><head><style>p{}</style></head><body><pre>code</pre></body></html>',
      undefined,
      400,
      'import.no_segments',
    ],
  ]

  test.each(cases)('refuses %s', async (_name, make, format, status, code) => {
    const before = storedContent(server.databaseFile)
    // Each on a connection of its own: see postLargeImport (the 50 MB body reset a reused one).
    const response = await postLargeImport(server.url, {
      session: workspace.admin,
      projectId: workspace.projectId,
      sourceLang: 'ru',
      targetLang: 'kk',
      fileName: 'hostile.md',
      bytes: make(),
      ...(format ? { format } : {}),
    })
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(response.status).toBe(status)
    expect(body.error.message.length).toBeGreaterThan(10)
    expect(storedContent(server.databaseFile)).toEqual(before)
  })
})

describe('exports in the worker pool', () => {
  test('a full pool answers an export 503 export.busy with Retry-After, then exports', async () => {
    // One worker and no queue: one upload still being received takes the only slot.
    const server = await startTestServer({
      workers: { ...defaultConfig.workers, size: 1, maxQueued: 0 },
    })
    const stalls: Array<{ destroy(): void }> = []
    try {
      const workspace = await createWorkspace(server)
      const imported = await workspace.importDocument({
        bytes: fixture('guide.md'),
        fileName: 'guide.md',
      })
      const progress = randomUUID()
      stalls.push(await stallUpload(server.port, workspace.admin, progress))
      await waitFor(async () =>
        expect((await importPhase(server.url, workspace.admin, progress)).body).toEqual({
          phase: 'receiving',
        }),
      )
      const refused = await exportAs(workspace, imported.id, 'format=md')
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      const body = (await refused.json()) as { error: { code: string } }
      expect(body.error.code).toBe('export.busy')

      stalls.splice(0).forEach((stall) => stall.destroy())
      await waitFor(async () =>
        expect((await exportAs(workspace, imported.id, 'format=md')).status).toBe(200),
      )
    } finally {
      stalls.forEach((stall) => stall.destroy())
      await server.dispose()
    }
  })
})
